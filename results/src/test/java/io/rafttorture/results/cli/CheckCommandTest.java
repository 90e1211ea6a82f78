package io.rafttorture.results.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.bench.Corpus;
import io.rafttorture.results.format.EdnHistoryWriter;
import io.rafttorture.results.format.HistoryWriter;
import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code torture check}, run in-process: exit codes, the JSON verdict, and one-line errors. */
class CheckCommandTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ExitCodes.configure(new CommandLine(new CheckCommand()));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String corpus(String path) {
        return Corpus.inRepository().resolve(path).toString();
    }

    @Test
    void aLinearizableHistoryExitsZeroWithAJsonVerdict() throws IOException {
        String file = corpus("knossos/data/cas-register/good/cas-register-bug.edn");

        Run run = run(file);

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("file").asText()).isEqualTo(file);
        assertThat(json.get("format").asText()).isEqualTo("edn");
        assertThat(json.get("model").asText()).isEqualTo("cas-register");
        assertThat(json.get("initial").asLong()).as("Knossos' initial value").isZero();
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("ops").get("invocations").asInt()).as("MANIFEST's ops column").isEqualTo(6);
        assertThat(json.has("checkMillis")).isTrue();
        assertThat(json.get("keys").isArray()).isTrue();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aNonLinearizableHistoryExitsOneWithAnExplanation() throws IOException {
        Run run = run(corpus("porcupine/test_data/jepsen/etcd_000.log"));

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("valid").asBoolean(true)).isFalse();
        assertThat(json.get("format").asText()).isEqualTo("jepsen-log");
        assertThat(json.get("initial").isNull()).as("etcd starts absent").isTrue();
        assertThat(json.get("explanation").asText()).isNotBlank();
    }

    @Test
    void aKeyValueHistoryIsCheckedKeyByKey() throws IOException {
        Run run = run(corpus("porcupine/test_data/kv/c10-ok.txt"));

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("model").asText()).isEqualTo("kv");
        assertThat(json.get("initial").asText()).isEmpty();
        assertThat(json.get("keys").size()).as("one result per key").isEqualTo(10);
    }

    @Test
    void anExhaustedBudgetExitsTwo() throws IOException {
        // A linearizable history cannot turn invalid; checking its 1,712 operations takes far more than 1 ms.
        Run run = run("--timeout", "0.001", corpus("porcupine/test_data/kv/c50-ok.txt"));

        assertThat(run.exitCode()).as("exit code; out: %s err: %s", run.out(), run.err()).isEqualTo(2);
        assertThat(run.json().get("valid").asText()).isEqualTo("unknown");
        assertThat(run.json().get("reason").asText()).contains("budget");
    }

    @Test
    void aTimeoutBeyondTheClockIsNoTimeoutNotAFailure() throws IOException {
        Run run = run("--timeout", "1e12", corpus("knossos/data/cas-register/good/cas-register-bug.edn"));

        assertThat(run.exitCode()).as("out: %s err: %s", run.out(), run.err()).isZero();
    }

    @Test
    void ourOwnJsonLinesWithKeysAreInferredAsKv() throws IOException {
        Path file = dir.resolve("history.jsonl");
        try (HistoryWriter w = HistoryWriter.open(file)) {
            w.write(new Op(0, Op.Type.INVOKE, "write", List.of("k1", 1L), 0L, null, null, null));
            w.write(new Op(0, Op.Type.OK, "write", List.of("k1", 1L), 0L, null, null, null));
            w.write(new Op(0, Op.Type.INVOKE, "read", Arrays.asList("k1", null), 1L, null, null, null));
            w.write(new Op(0, Op.Type.OK, "read", List.of("k1", 2L), 1L, null, null, null));
        }

        Run run = run(file.toString());

        assertThat(run.exitCode()).as("reading 2 after writing 1 is not linearizable; err: %s", run.err())
                .isEqualTo(1);
        assertThat(run.json().get("model").asText()).isEqualTo("kv");
        assertThat(run.json().get("format").asText()).isEqualTo("jsonl");
    }

    @Test
    void aHistoryOfKeyedCasAloneIsInferredAsKv() throws IOException {
        // [k1 [0 1]] read as one register's cas would expect "k1" and call this linearizable history invalid.
        Path file = dir.resolve("cas.jsonl");
        try (HistoryWriter w = HistoryWriter.open(file)) {
            w.write(new Op(0, Op.Type.INVOKE, "cas", List.of("k1", List.of(0L, 1L)), 0L, null, null, null));
            w.write(new Op(0, Op.Type.OK, "cas", List.of("k1", List.of(0L, 1L)), 0L, null, null, null));
        }

        Run run = run("--initial", "0", file.toString());

        assertThat(run.exitCode()).as("err: %s", run.err()).isZero();
        assertThat(run.json().get("model").asText()).isEqualTo("kv");
    }

    @Test
    void ourHistoryGetsTheSameVerdictAsJsonLinesAndAsEdn() throws IOException {
        // A cas expecting 0 on a key never written: our store (keys start absent) would have failed it.
        List<Op> history = List.of(
                new Op(0, Op.Type.INVOKE, "write", List.of("k2", 0L), 0L, null, null, null),
                new Op(1, Op.Type.OK, "write", List.of("k2", 0L), 0L, null, null, null),
                new Op(2, Op.Type.INVOKE, "cas", List.of("k1", List.of(0L, 1L)), 0L, null, null, null),
                new Op(3, Op.Type.OK, "cas", List.of("k1", List.of(0L, 1L)), 0L, null, null, null));
        Path jsonl = dir.resolve("history.jsonl");
        Path edn = dir.resolve("history.edn");
        try (HistoryWriter w = HistoryWriter.open(jsonl)) {
            for (Op op : history) {
                w.write(op);
            }
        }
        try (var out = Files.newBufferedWriter(edn)) {
            EdnHistoryWriter.write(history, out);
        }

        Run fromJsonl = run(jsonl.toString());
        Run fromEdn = run(edn.toString());

        assertThat(fromJsonl.exitCode()).as("jsonl; err: %s", fromJsonl.err()).isEqualTo(1);
        assertThat(fromEdn.exitCode()).as("edn, multi-key: keys start nil as in Jepsen's independent tests; err: %s",
                fromEdn.err()).isEqualTo(1);
        assertThat(fromEdn.json().get("model").asText()).isEqualTo("kv");
        assertThat(fromEdn.json().get("initial").isNull()).isTrue();
    }

    @Test
    void aMalformedHistoryExitsThreeNamingFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("history.jsonl"),
                "{\"type\":\"invoke\",\"f\":\"read\",\"process\":0}\n{\"type\":\"okay\",\"f\":\"read\",\"process\":0}\n");

        Run run = run(file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("check: " + file + ":2: field \"type\": unknown type \"okay\" (expected "
                + "invoke, ok, fail, info)" + System.lineSeparator());
    }

    @Test
    void aMissingFileExitsThree() {
        Run run = run(dir.resolve("absent.edn").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("absent.edn: no such file");
    }

    @Test
    void operationsThatDoNotFitTheModelExitThree() {
        Run run = run("--model", "mutex", corpus("knossos/data/cas-register/bad/immediate-failure.edn"));

        assertThat(run.exitCode()).as("err: %s", run.err()).isEqualTo(3);
        assertThat(run.err()).contains("immediate-failure.edn:1: does not fit model mutex");
    }

    @Test
    void anOperationThatDoesNotFitTheModelIsNamedByLine() throws IOException {
        Path file = Files.writeString(dir.resolve("h.jsonl"), "{\"type\":\"invoke\",\"f\":\"write\",\"value\":1,"
                + "\"process\":0}\n{\"type\":\"ok\",\"f\":\"write\",\"value\":1,\"process\":0}\n\n"
                + "{\"type\":\"invoke\",\"f\":\"cas\",\"value\":5,\"process\":0}\n");

        Run run = run("--model", "cas-register", file.toString());

        assertThat(run.exitCode()).as("err: %s", run.err()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("check: " + file + ":4: does not fit model cas-register: operation at index 2 "
                + "(process 0, cas): cas: expected a list of 2 values, got 5" + System.lineSeparator());
    }

    @Test
    void badOptionsExitThreeWithAClearMessage() {
        String file = corpus("knossos/data/cas-register/bad/immediate-failure.edn");

        assertThat(run("--format", "csv", file)).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).contains("unknown --format \"csv\"");
        });
        assertThat(run("--model", "queue", file).err()).contains("unknown --model \"queue\" (expected register, ");
        assertThat(run("--timeout", "soon", file).err()).contains("--timeout");
        assertThat(run("--timeout", "-1", file).err()).contains("--timeout must be a positive number");
        assertThat(run("--initial", "[1", file).err()).contains("--initial: not an EDN value");
        assertThat(run("--nope", file).exitCode()).isEqualTo(3);
        assertThat(run().err()).contains("Missing required parameter: 'FILE'");
        assertThat(run("--format", "csv", file).err()).as("no stack trace").doesNotContain("\tat ");
    }

    @Test
    void theInitialValueCanBeGiven() throws IOException {
        Path file = Files.writeString(dir.resolve("read5.jsonl"), "{\"type\":\"invoke\",\"f\":\"read\",\"process\":0}\n"
                + "{\"type\":\"ok\",\"f\":\"read\",\"value\":5,\"process\":0}\n");

        Run fromFive = run("--initial", "5", file.toString());
        Run fromNil = run(file.toString());

        assertThat(fromFive.exitCode()).as("a read of 5 from a register starting at 5; err: %s", fromFive.err())
                .isZero();
        assertThat(fromFive.json().get("initial").asLong()).isEqualTo(5);
        assertThat(fromNil.exitCode()).as("a read of 5 from an absent register").isEqualTo(1);
        assertThat(fromNil.json().get("initial").isNull()).isTrue();
    }
}
