package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.Grudge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a step does; one record per step kind. {@link #fields()} gives the step back in scenario syntax (without
 * {@code kind} and {@code at}), so a resolved step can be written to schedule.json and read again as a scenario.
 */
public sealed interface Action {
    /** The step kind as a scenario file spells it: partition, cut, heal, kill, ... */
    String kind();

    /** The step's own fields in scenario syntax. */
    Map<String, Object> fields();

    /** The highest node id named explicitly (0 when none). */
    default int maxNodeId() {
        return 0;
    }

    /** A complete partition: by {@code shape} (resolved when the step runs) or an explicit {@code grudge}. */
    record Partition(Shape shape, Grudge grudge) implements Action {
        public String kind() {
            return "partition";
        }

        public Map<String, Object> fields() {
            return shape != null ? Map.of("shape", shape.label())
                    : Map.of("grudge", TargetResolver.dropsValue(grudge));
        }

        public int maxNodeId() {
            return grudge == null ? 0 : grudge.drops().entrySet().stream()
                    .flatMap(e -> Stream.concat(Stream.of(e.getKey()), e.getValue().stream()))
                    .mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** One-way cut: {@code to} stops hearing {@code from}; each names one node (leader, random-follower, random-node or an id). */
    record Cut(Target from, Target to) implements Action {
        public String kind() {
            return "cut";
        }

        public Map<String, Object> fields() {
            return ordered("from", from.toValue(), "to", to.toValue());
        }

        public int maxNodeId() {
            return Math.max(from.maxNodeId(), to.maxNodeId());
        }
    }

    /** Undoes {@code fault}: all, partition (and cuts), latency, kill (restart every killed node), pause. */
    record Heal(String fault) implements Action {
        public static final java.util.List<String> FAULTS = java.util.List.of("all", "partition", "latency", "kill", "pause");

        public String kind() {
            return "heal";
        }

        public Map<String, Object> fields() {
            return Map.of("fault", fault);
        }
    }

    /** SIGKILL the target nodes. */
    record Kill(Target target) implements Action {
        public String kind() {
            return "kill";
        }

        public Map<String, Object> fields() {
            return Map.of("target", target.toValue());
        }

        public int maxNodeId() {
            return target.maxNodeId();
        }
    }

    /** Restart the target nodes; target null: every node killed so far. */
    record Restart(Target target) implements Action {
        public String kind() {
            return "restart";
        }

        public Map<String, Object> fields() {
            return target == null ? Map.of() : Map.of("target", target.toValue());
        }

        public int maxNodeId() {
            return target == null ? 0 : target.maxNodeId();
        }
    }

    /** Freeze the target nodes (docker pause). */
    record Pause(Target target) implements Action {
        public String kind() {
            return "pause";
        }

        public Map<String, Object> fields() {
            return Map.of("target", target.toValue());
        }

        public int maxNodeId() {
            return target.maxNodeId();
        }
    }

    /** Resume those target nodes that are paused; target null: every paused node. */
    record Resume(Target target) implements Action {
        public String kind() {
            return "resume";
        }

        public Map<String, Object> fields() {
            return target == null ? Map.of() : Map.of("target", target.toValue());
        }

        public int maxNodeId() {
            return target == null ? 0 : target.maxNodeId();
        }
    }

    /** {@code ms} ± {@code jitterMs} on every peer link to or from the target nodes ({@code all}: every peer link). */
    record Latency(Target target, int ms, int jitterMs) implements Action {
        public String kind() {
            return "latency";
        }

        public Map<String, Object> fields() {
            return ordered("target", target.toValue(), "ms", (long) ms, "jitter-ms", (long) jitterMs);
        }

        public int maxNodeId() {
            return target.maxNodeId();
        }
    }

    /** Wait until a majority agrees on a leader, at most {@code timeout}. */
    record WaitForLeader(Duration timeout) implements Action {
        public String kind() {
            return "wait-for-leader";
        }

        public Map<String, Object> fields() {
            return Map.of("timeout", timeout.toMillis() + "ms");
        }
    }

    /** Wait until every live node's commitIndex reaches the leader's (as of the step's start), at most {@code timeout}. */
    record WaitForCommit(Duration timeout) implements Action {
        public String kind() {
            return "wait-for-commit";
        }

        public Map<String, Object> fields() {
            return Map.of("timeout", timeout.toMillis() + "ms");
        }
    }

    /** Do nothing for {@code duration}: the next step without {@code at} starts after it. */
    record Sleep(Duration duration) implements Action {
        public String kind() {
            return "sleep";
        }

        public Map<String, Object> fields() {
            return Map.of("duration", duration.toMillis() + "ms");
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }
}
