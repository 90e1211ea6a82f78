package io.rafttorture.results.bench;

import io.rafttorture.results.checker.CheckOptions;
import io.rafttorture.results.checker.CheckResult;
import io.rafttorture.results.checker.Checker;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Models;
import io.rafttorture.results.format.Histories;
import io.rafttorture.results.format.HistoryFormat;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times the checker: the corpus's 102 Jepsen etcd logs, its 6 Porcupine kv files (checked key by key) and its 122
 * Knossos EDN files, then synthetic histories of a simulated register ({@link SyntheticHistory}: 10 processes, 5%
 * info) of 10^4..10^6 operations over 1 and 100 keys with values 0..4, and over 1 key with unique values. The JVM is
 * warmed first (5 s on the corpus); each figure is the median of {@code repetitions} runs of check time only
 * (parsing and generation excluded). Prints, asserts nothing.
 *
 * <p>Run: {@code java -cp results/target/classes:... io.rafttorture.results.bench.CheckBench [--max-ops N]}, or
 * {@code torture check --bench}.
 */
@Command(name = "check-bench", mixinStandardHelpOptions = true, description = "Times the linearizability checker.")
public final class CheckBench implements Callable<Integer> {
    /** Porcupine's figures on this machine (Go, check time only, median of 3), for comparison. */
    private static final Map<String, Long> PORCUPINE_MILLIS = Map.of("etcd", 514L, "kv", 184L);
    private static final long WARM_UP_NANOS = 5_000_000_000L;

    @Option(names = "--corpus", description = "conformance corpus folder, the one holding MANIFEST.tsv (default: "
            + Corpus.IN_REPOSITORY + " of the repository holding the working directory)")
    Path corpus;
    @Option(names = "--max-ops", description = "largest synthetic history (default: ${DEFAULT-VALUE})")
    int maxOperations = 1_000_000;
    @Option(names = "--repetitions", description = "runs per figure, median reported (default: ${DEFAULT-VALUE})")
    int repetitions = 3;
    @Option(names = "--timeout", description = "check budget per history, seconds (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = 60;
    @Option(names = "--max-memory-mb", description = "checker memory budget, MiB (default: ${DEFAULT-VALUE})")
    long maxMemoryMb = 1024;

    /**
     * What to run.
     *
     * @param corpus        the corpus folder, or null to look for it in the working directory's repository
     * @param maxOperations largest synthetic history size (10^4, 10^5, 10^6 up to this)
     * @param repetitions   runs per figure; the median is printed
     * @param check         budgets for every check
     */
    public record Options(Path corpus, int maxOperations, int repetitions, CheckOptions check) {
        public static Options defaults() {
            return new Options(null, 1_000_000, 3, CheckOptions.defaults());
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckBench()).execute(args));
    }

    @Override
    public Integer call() {
        CheckOptions check = CheckOptions.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withMaxMemoryBytes(maxMemoryMb << 20);
        run(System.out, new Options(corpus, maxOperations, repetitions, check));
        return 0;
    }

    /** Runs the benchmark, printing one line per figure to {@code out}. */
    public static void run(PrintStream out, Options options) {
        out.printf(Locale.ROOT, "check bench: %d processors, max heap %d MiB, median of %d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                options.repetitions());
        Optional<Corpus> corpus = options.corpus() != null ? Optional.of(new Corpus(options.corpus()))
                : Corpus.locate();
        if (corpus.isEmpty()) {
            out.println("corpus: " + Corpus.IN_REPOSITORY + "/MANIFEST.tsv not found in a folder holding the working"
                    + " directory; corpus sets skipped");
        } else if (!Files.isRegularFile(corpus.get().resolve("MANIFEST.tsv"))) {
            out.println("corpus: no MANIFEST.tsv in " + corpus.get().root() + "; corpus sets skipped");
        } else {
            corpusSets(out, corpus.get(), options);
        }
        synthetic(out, options);
        memoryBounded(out, options);
        if (options.maxOperations() >= 100_000) {
            corrupted(out, options, 0.0);
            corrupted(out, options, 0.05);
        }
    }

    /**
     * A 10^5-operation single-key history with one read in the middle changed to a value nobody wrote: how long
     * proving it invalid takes, with and without info operations (budget 10 s).
     */
    private static void corrupted(PrintStream out, Options options, double infoRate) {
        List<Op> ops = new ArrayList<>(new SyntheticHistory(100_000, 1, 10, infoRate, 42).generate());
        for (int i = ops.size() / 2; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.type() == Op.Type.OK && op.f().equals("read")) {
                ops.set(i, new Op(op.index(), op.type(), op.f(), Arrays.asList(0L, 777L), op.process(), op.time(),
                        null, null));
                break;
            }
        }
        History history = History.of(ops);
        long start = System.nanoTime();
        CheckResult result = Checker.check(history, Models.byName("kv", null),
                options.check().withTimeout(Duration.ofSeconds(10)));
        out.printf(Locale.ROOT, "%-40s %8.1f ms  (%s%s)%n", String.format(Locale.ROOT,
                "corrupted %8d ops   1 keys, %2.0f%% info", 100_000, infoRate * 100),
                (System.nanoTime() - start) / 1e6, result.verdict(),
                result.reason() == null ? "" : ": " + result.reason());
    }

    private static void corpusSets(PrintStream out, Corpus corpus, Options options) {
        List<Case> etcd = load(corpus, "jepsen-log");
        List<Case> kv = load(corpus, "porcupine-kv");
        List<Case> edn = load(corpus, "knossos-edn");
        // Warm up until the JIT has compiled the search (a few rounds are not enough for C2).
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        for (int round = 0; round < 3 || System.nanoTime() < warmUntil; round++) {
            for (List<Case> set : List.of(etcd, kv, edn)) {
                timeSet(set, options.check());
            }
        }
        report(out, "etcd", "Jepsen etcd logs", etcd, options);
        report(out, "kv", "Porcupine kv files, key by key", kv, options);
        report(out, "edn", "Knossos EDN files", edn, options);
    }

    private static void report(PrintStream out, String name, String title, List<Case> set, Options options) {
        long[] runs = new long[options.repetitions()];
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int expected = 0;
        for (int r = 0; r < runs.length; r++) {
            long start = System.nanoTime();
            List<CheckResult> results = timeSet(set, options.check());
            runs[r] = System.nanoTime() - start;
            verdicts.clear();
            expected = 0;
            for (int i = 0; i < set.size(); i++) {
                verdicts.merge(results.get(i).verdict(), 1, Integer::sum);
                expected += results.get(i).verdict() == set.get(i).expected() ? 1 : 0;
            }
        }
        Long porcupine = PORCUPINE_MILLIS.get(name);
        out.printf(Locale.ROOT, "%-40s %8.1f ms  (%d histories, %d ops; %s; %d/%d as expected)%s%n", title,
                median(runs) / 1e6, set.size(), set.stream().mapToInt(c -> c.history().operations().size()).sum(),
                verdicts, expected, set.size(), porcupine == null ? "" : "; Porcupine: " + porcupine + " ms");
    }

    private static List<CheckResult> timeSet(List<Case> set, CheckOptions options) {
        List<CheckResult> results = new ArrayList<>(set.size());
        for (Case c : set) {
            results.add(Checker.check(c.history(), c.model(), options));
        }
        return results;
    }

    private static void synthetic(PrintStream out, Options options) {
        for (int size = 10_000; size <= options.maxOperations(); size *= 10) {
            synthetic(out, options, new SyntheticHistory(size, 1, 10, 0.05, 42), "");
            synthetic(out, options, new SyntheticHistory(size, 100, 10, 0.05, 42), "");
            synthetic(out, options, new SyntheticHistory(size, 1, 10, 0.05, 1_000_000_000, 42), ", unique");
        }
    }

    private static void synthetic(PrintStream out, Options options, SyntheticHistory spec, String label) {
        History history = History.of(spec.generate());
        Model<?> model = Models.byName("kv", null);
        long[] runs = new long[options.repetitions()];
        CheckResult result = null;
        for (int r = 0; r < runs.length; r++) {
            long start = System.nanoTime();
            result = Checker.check(history, model, options.check());
            runs[r] = System.nanoTime() - start;
        }
        out.printf(Locale.ROOT, "%-40s %8.1f ms  (%s%s)%n", String.format(Locale.ROOT,
                "synthetic %8d ops %3d keys%s", spec.operations(), spec.keys(), label), median(runs) / 1e6,
                result.verdict(), result.reason() == null ? "" : ": " + result.reason());
    }

    /** The largest single-key history again, under a 64 MiB memory budget: it must end UNKNOWN, and quickly. */
    private static void memoryBounded(PrintStream out, Options options) {
        int size = 1;
        while (size * 10 <= options.maxOperations()) {
            size *= 10;
        }
        History history = History.of(new SyntheticHistory(size, 1, 10, 0.05, 42).generate());
        long start = System.nanoTime();
        CheckResult result = Checker.check(history, Models.byName("kv", null),
                options.check().withMaxMemoryBytes(64L << 20));
        out.printf(Locale.ROOT, "%-40s %8.1f ms  (%s%s)%n", String.format(Locale.ROOT,
                "synthetic %8d ops   1 keys, 64 MiB", size), (System.nanoTime() - start) / 1e6, result.verdict(),
                result.reason() == null ? "" : ": " + result.reason());
    }

    private static long median(long[] runs) {
        long[] sorted = runs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One corpus history with its model and expected verdict. */
    private record Case(History history, Model<?> model, Verdict expected) {
    }

    private static List<Case> load(Corpus corpus, String format) {
        try {
            List<Case> cases = new ArrayList<>();
            for (Corpus.Row row : corpus.rows()) {
                if (!row.format().equals(format) || row.expected().equals("unknown")) {
                    continue;
                }
                History history = Histories.read(corpus.resolve(row.path()),
                        HistoryFormat.byName(format).orElseThrow());
                cases.add(new Case(history, Models.byName(row.model(), row.initialValue()), row.expectedVerdict()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + corpus.root() + ": " + e.getMessage(), e);
        }
    }
}
