package io.rafttorture.results.checker;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rafttorture.results.history.History;
import java.util.List;

/**
 * Result of checking one history; serialises to JSON with Jackson as it is.
 *
 * @param verdict     INVALID if any key is invalid, else UNKNOWN if any is unknown, else VALID
 * @param model       the model's name
 * @param operations  client operation counts by outcome (fail operations are not checked)
 * @param checkMillis wall-clock time of the check
 * @param reason      why UNKNOWN, else null
 * @param explanation the first invalid key's explanation, else null
 * @param keys        per-key results, invalid first, then unknown, then valid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(Verdict verdict, String model, History.Counts operations, long checkMillis, String reason,
                          String explanation, List<KeyResult> keys) {
}
