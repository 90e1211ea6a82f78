package io.rafttorture.node.simulation;

import java.util.List;

/** The outcome of one simulated schedule: the first violation (null if none) and a few figures. */
record SimResult(SimOptions options, String violation, int invoked, int acknowledged, long committed,
                 List<String> trace) {

    boolean passed() {
        return violation == null;
    }

    /** A failure report naming the seed and how to replay it. */
    String describe() {
        String head = "seed " + options.seed() + " (nodes " + options.nodes() + ", bug " + options.bug().flag()
                + ", family " + options.family().flag() + "): " + (violation == null ? "ok" : violation);
        String replay = "\n  replay: mvn -pl node test -Dtest=SimulationTest#replay -Dsim.seed=" + options.seed()
                + " -Dsim.nodes=" + options.nodes() + " -Dsim.bug=" + options.bug().flag() + " -Dsim.family="
                + options.family().flag();
        int from = Math.max(0, trace.size() - 25);
        return head + replay + "\n  last events:\n    " + String.join("\n    ", trace.subList(from, trace.size()));
    }
}
