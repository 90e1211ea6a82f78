package io.rafttorture.nemesis.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The interpreter: reports a start before applying it, a stop after undoing it, and survives a failing fault. */
class NemesisRunnerTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private Fault fault(String name, boolean failOnApply) {
        return new Fault() {
            public String name() {
                return name;
            }

            public Planned plan(Random random) {
                return new Planned("target", () -> {
                    if (failOnApply) throw new IllegalStateException("docker said no");
                    log.add("applied " + name);
                });
            }

            public Object stop() {
                log.add("undone " + name);
                return "restored";
            }
        };
    }

    @Test
    void stepsRunWhenTheClockReachesThemInOrder() throws Exception {
        AtomicLong clock = new AtomicLong();
        List<NemesisSchedule.Step> steps = new NemesisSchedule(List.of("kill"), Duration.ofSeconds(1), 1)
                .steps(Duration.ofSeconds(3));
        NemesisRunner runner = new NemesisRunner(steps, Map.of("kill", fault("kill", false)), clock::get,
                (f, value) -> log.add(f + " " + value), 1);
        runner.start();

        clock.set(999_999_999L);
        assertThat(log).as("nothing before the first step's time").isEmpty();
        clock.set(3_000_000_000L);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.size() == 4);
        runner.stop(1000);

        assertThat(log).containsExactly("start-kill target", "applied kill", "undone kill", "stop-kill restored");
    }

    @Test
    void aFailingFaultIsReportedAndTheScheduleGoesOn() throws Exception {
        List<NemesisSchedule.Step> steps = List.of(new NemesisSchedule.Step(0, true, "pause"),
                new NemesisSchedule.Step(0, false, "pause"));
        NemesisRunner runner = new NemesisRunner(steps, Map.of("pause", fault("pause", true)), () -> 0L,
                (f, value) -> log.add(f + " " + value), 1);
        runner.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> log.size() == 4);
        runner.stop(1000);

        assertThat(log).containsExactly("start-pause target", "nemesis-error start-pause failed: docker said no",
                "undone pause", "stop-pause restored");
    }
}
