package io.rafttorture.workloads.generator;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * An operation mix over a set of keys, Jepsen's cas-register style: a read with probability {@code readRatio}
 * (default {@value #DEFAULT_READ_RATIO}), else a write or a cas with even odds, on a key chosen uniformly, with values drawn from 0-4 (a small range, so that cas succeeds often enough to matter).
 *
 * <ul>
 *   <li>{@code register}: one key (0); history values are bare (model {@code cas-register});</li>
 *   <li>{@code kv}: keys 0..keys-1; history values are {@code [key value]} tuples, checked per key (model
 *       {@code kv}).</li>
 * </ul>
 * Every key starts absent (a read returns nil), so the checker's initial value is nil. A read-heavier mix suits
 * read bugs: a client on a deposed leader spends an op timeout on each write it sends there (recorded info, so
 * it may take effect at any later time and can explain a stale read), but its reads return at once.
 */
public record Workload(String name, List<Long> keys, boolean keyed, double readRatio) {
    public static final List<String> NAMES = List.of("register", "kv");
    public static final double DEFAULT_READ_RATIO = 1.0 / 3;
    static final int VALUE_RANGE = 5;

    public Workload {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) throw new IllegalArgumentException("a workload needs at least one key");
        if (!(readRatio >= 0 && readRatio <= 1)) {
            throw new IllegalArgumentException("--read-ratio must be between 0 and 1, got " + readRatio);
        }
    }

    /** This mix with reads at {@code ratio} (0-1) of the operations, writes and cas sharing the rest evenly. */
    public Workload withReadRatio(double ratio) {
        return new Workload(name, keys, keyed, ratio);
    }

    /** The workload called {@code name} ("register" or "kv", with {@code keys} keys; register ignores it). */
    public static Workload byName(String name, int keys) {
        return switch (name) {
            case "register" -> new Workload("register", List.of(0L), false, DEFAULT_READ_RATIO);
            case "kv" -> {
                if (keys < 1) throw new IllegalArgumentException("--keys must be at least 1, got " + keys);
                yield new Workload("kv", LongStream.range(0, keys).boxed().toList(), true,
                        DEFAULT_READ_RATIO);
            }
            default -> throw new IllegalArgumentException("unknown workload \"" + name + "\" (expected "
                    + String.join(" or ", NAMES) + ")");
        };
    }

    /** The checker model that fits: cas-register for register, kv for kv. */
    public String modelName() {
        return keyed ? "kv" : "cas-register";
    }

    /** A random operation of the mix. */
    public Invocation randomOperation(Random random) {
        long key = keys.get(random.nextInt(keys.size()));
        if (random.nextDouble() < readRatio) return Invocation.read(key, keyed);
        return random.nextBoolean() ? Invocation.write(key, random.nextInt(VALUE_RANGE), keyed)
                : Invocation.cas(key, random.nextInt(VALUE_RANGE), random.nextInt(VALUE_RANGE), keyed);
    }

    /** One read of every key, in key order: the final-reads phase. */
    public List<Invocation> finalReads() {
        return keys.stream().map(key -> Invocation.read(key, keyed)).toList();
    }
}
