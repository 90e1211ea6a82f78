package io.rafttorture.results.checker;

import java.util.List;

/**
 * Evidence for an INVALID key.
 *
 * @param key             the key (null when the model does not partition)
 * @param operation       an operation no linearization can place: the search never got past its completion
 * @param prefixLength    length of the longest linearizable prefix found (operations placed before getting stuck;
 *                        when the model proved the violation without search, as far as the search had got)
 * @param prefixTail      the last operations of that prefix, in linearization order (at most 20)
 * @param candidateStates model states the search reached at that point (at most 8)
 * @param explanation     one paragraph for humans
 */
public record Failure(String key, OperationView operation, int prefixLength, List<OperationView> prefixTail,
                      List<String> candidateStates, String explanation) {
}
