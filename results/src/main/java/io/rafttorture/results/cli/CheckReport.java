package io.rafttorture.results.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.rafttorture.results.checker.CheckResult;
import io.rafttorture.results.checker.KeyResult;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.history.History;
import java.util.List;

/**
 * What {@code torture check} prints, as JSON.
 *
 * @param file        the history file as given
 * @param format      the format it was read as
 * @param model       the model it was checked against
 * @param initial     the model's initial value
 * @param valid       true, false or "unknown" (Jepsen's :valid? convention)
 * @param ops         client operations by outcome, and nemesis events
 * @param checkMillis time spent checking (reading excluded)
 * @param reason      why unknown, else absent
 * @param explanation why invalid, else absent
 * @param keys        per-key results (one entry when the model has no keys)
 * @param warnings    tolerated oddities of the history, each naming its line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"file", "format", "model", "initial", "valid", "ops", "checkMillis", "reason", "explanation",
        "keys", "warnings"})
public record CheckReport(String file, String format, String model,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Object initial, Object valid,
                          History.Counts ops, long checkMillis, String reason, String explanation,
                          List<KeyResult> keys, List<String> warnings) {

    static CheckReport of(String file, String format, Object initial, History history, CheckResult result) {
        return new CheckReport(file, format, result.model(), initial, valid(result.verdict()), history.counts(),
                result.checkMillis(), result.reason(), result.explanation(), result.keys(),
                history.warnings().isEmpty() ? null : history.warnings());
    }

    /** Jepsen's :valid? value: true, false, or "unknown". */
    static Object valid(Verdict verdict) {
        return switch (verdict) {
            case VALID -> true;
            case INVALID -> false;
            case UNKNOWN -> "unknown";
        };
    }

    /** The exit code for {@code verdict}: 0, 1 or 2. */
    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case VALID -> ExitCodes.VALID;
            case INVALID -> ExitCodes.INVALID;
            case UNKNOWN -> ExitCodes.UNKNOWN;
        };
    }
}
