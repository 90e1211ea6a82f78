package io.rafttorture.results.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.checker.CheckOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark entry point that {@code torture check --bench} calls runs every set; figures are not asserted. */
class CheckBenchTest {
    @Test
    void printsEveryCorpusSetWithItsVerdictsAndTheSyntheticHistories() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CheckBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new CheckBench.Options(null, 10_000, 1, CheckOptions.defaults()));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Jepsen etcd logs").contains("102/102 as expected")
                .contains("Porcupine kv files, key by key").contains("6/6 as expected")
                .contains("Knossos EDN files").contains("122/122 as expected")
                .containsPattern("synthetic +10000 ops +1 keys .*\\(VALID\\)")
                .containsPattern("synthetic +10000 ops +100 keys .*\\(VALID\\)")
                .contains("64 MiB");
    }
}
