package io.rafttorture.results.checker;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Result of one independently checked part of a history.
 *
 * @param key          the key, or null for an unpartitioned history
 * @param verdict      VALID, INVALID or UNKNOWN
 * @param operations   operations checked (fail operations excluded)
 * @param cacheEntries configurations the search memoized
 * @param checkMillis  search time
 * @param reason       why UNKNOWN (budget), else null
 * @param failure      evidence when INVALID, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyResult(String key, Verdict verdict, int operations, long cacheEntries, long checkMillis,
                        String reason, Failure failure) {
}
