package io.rafttorture.results.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rafttorture.results.bench.CheckBench;
import io.rafttorture.results.checker.CheckOptions;
import io.rafttorture.results.checker.CheckResult;
import io.rafttorture.results.checker.Checker;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Models;
import io.rafttorture.results.format.EdnValues;
import io.rafttorture.results.format.Histories;
import io.rafttorture.results.format.HistoryFormat;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.history.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code torture check FILE}: reads a history in any supported format, checks it for linearizability and prints
 * a JSON verdict ({@link CheckReport}). Exit code 0 valid, 1 invalid, 2 unknown, 3 bad input, 4 internal error
 * ({@link ExitCodes}).
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks a history for linearizability and prints a JSON verdict.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:linearizable", "1:not linearizable", "2:unknown (a budget ran out)",
            "3:bad input or options", "4:internal error"})
public final class CheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "History file: JSON Lines, Knossos/Jepsen EDN, Jepsen log or Porcupine kv.")
    Path file;

    @Option(names = "--model", paramLabel = "MODEL", description = "register, cas-register, kv, multi-register or "
            + "mutex. Default: from the operations (get/put/append or [key value] tuples: kv; txn: multi-register; "
            + "acquire/release: mutex; else cas-register).")
    String model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", description = "auto, jsonl, edn "
            + "(knossos-edn), jepsen-log or porcupine-kv. Default: ${DEFAULT-VALUE}, from content and extension.")
    String format;

    @Option(names = "--initial", paramLabel = "VALUE", description = "The model's initial value, in EDN (0, nil, "
            + "\"\"). Default: the source's convention: 0 for single-register EDN (Knossos), \"\" for porcupine-kv, "
            + "nil otherwise.")
    String initial;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time budget; when it runs out the verdict is unknown. Default: ${DEFAULT-VALUE}.")
    double timeoutSeconds;

    @Option(names = "--max-memory-mb", paramLabel = "N", defaultValue = "1024",
            description = "Memory budget of the search; when it runs out the verdict is unknown. "
                    + "Default: ${DEFAULT-VALUE}.")
    long maxMemoryMb;

    @Option(names = "--bench", description = "Instead of checking FILE, time the checker on the conformance corpus "
            + "and on synthetic histories (up to --bench-max-ops operations) and print the figures.")
    boolean bench;

    @Option(names = "--bench-max-ops", paramLabel = "N", defaultValue = "1000000",
            description = "Largest synthetic history of --bench (10^4, 10^5, ... up to N). Default: ${DEFAULT-VALUE}.")
    int benchMaxOps;

    @Override
    public Integer call() throws IOException {
        if (bench) {
            // CheckBench prints to a PrintStream: the figures go straight to standard output.
            CheckBench.run(System.out, new CheckBench.Options(null, benchMaxOps, 3, options()));
            return ExitCodes.VALID;
        }
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        CheckOptions options = options();
        HistoryFormat chosenFormat = format();
        validateModelName();
        Object givenInitial = initial == null ? null : parseInitial();
        HistoryFormat readAs = chosenFormat != null ? chosenFormat : Histories.detect(file);
        History history = Histories.read(file, readAs);
        String modelName = model != null ? model : inferModel(history);
        Object initialValue = initial != null ? givenInitial : defaultInitial(readAs, modelName);
        CheckResult result = check(history, Models.byName(modelName, initialValue), options);
        CheckReport report = CheckReport.of(file.toString(), readAs.cliName(), initialValue, history, result);
        spec.commandLine().getOut().println(toJson(report));
        spec.commandLine().getOut().flush();
        return CheckReport.exitCode(result.verdict());
    }

    private CheckOptions options() {
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds)) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, got "
                    + timeoutSeconds);
        }
        if (maxMemoryMb < 1 || maxMemoryMb > 1L << 30) {
            throw new ParameterException(spec.commandLine(), "--max-memory-mb must be between 1 and 2^30, got "
                    + maxMemoryMb);
        }
        Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
        return CheckOptions.defaults().withTimeout(timeout).withMaxMemoryBytes(maxMemoryMb << 20);
    }

    private Object parseInitial() {
        try {
            return EdnValues.parse(initial);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--initial: " + e.getMessage());
        }
    }

    /** The requested format, or null for auto. */
    private HistoryFormat format() {
        if (format.equalsIgnoreCase("auto")) {
            return null;
        }
        return HistoryFormat.byName(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown --format \"" + format + "\" (expected auto, jsonl, edn, knossos-edn, jepsen-log, "
                        + "porcupine-kv)"));
    }

    private void validateModelName() {
        if (model != null && !Models.NAMES.contains(model)) {
            throw new ParameterException(spec.commandLine(), "unknown --model \"" + model + "\" (expected "
                    + String.join(", ", Models.NAMES) + ")");
        }
    }

    /** Checks, turning an operation the model cannot read into bad input, and a checker failure into unknown. */
    private CheckResult check(History history, Model<?> m, CheckOptions options) {
        try {
            return Checker.check(history, m, options);
        } catch (HistoryFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(file.toString(), 0, null, "does not fit model " + m.name() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            return new CheckResult(Verdict.UNKNOWN, m.name(), history.counts(), 0, "checker failed: " + e, null,
                    List.of());
        }
    }

    /** The model the operations suggest; see the --model option's description. */
    static String inferModel(History history) {
        Set<String> fs = history.operations().stream().map(Operation::f).collect(Collectors.toSet());
        if (fs.contains("get") || fs.contains("put") || fs.contains("append")) {
            return "kv";
        }
        if (fs.contains("txn")) {
            return "multi-register";
        }
        if (fs.contains("acquire") || fs.contains("release")) {
            return "mutex";
        }
        boolean keyed = !history.operations().isEmpty() && history.operations().stream()
                .allMatch(op -> isPair(op.invoke().value())
                        && (!op.f().equals("cas") || isPair(((List<?>) op.invoke().value()).get(1))));
        return keyed ? "kv" : "cas-register";
    }

    /** A [key value] tuple, or a cas's [expected new]. */
    private static boolean isPair(Object value) {
        return value instanceof List<?> list && list.size() == 2;
    }

    /**
     * The initial value the source's own checkers assume: Knossos' single-register tests start at 0, while
     * multi-key EDN (Jepsen's independent tests, and our own export) starts every key absent, nil.
     */
    static Object defaultInitial(HistoryFormat format, String modelName) {
        return switch (format) {
            case EDN -> modelName.equals("kv") ? null : 0L;
            case PORCUPINE_KV -> "";
            default -> null;
        };
    }

    private static String toJson(CheckReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
