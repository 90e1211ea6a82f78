package io.rafttorture.nemesis;

import java.util.function.Consumer;

/**
 * Both kinds of fault on one cluster, sharing one fault log: {@link #network()} (Toxiproxy) and
 * {@link #processes()} (Docker). {@link #healAll()} undoes everything, in the order that cannot hang Toxiproxy.
 */
public final class Nemesis {
    private static final System.Logger LOG = System.getLogger(Nemesis.class.getName());

    private final NetworkNemesis network;
    private final ProcessNemesis processes;

    /** Fault lines go to {@code faultLog}. */
    public Nemesis(ClusterHandles cluster, Consumer<String> faultLog) {
        this.network = new NetworkNemesis(cluster, faultLog);
        this.processes = new ProcessNemesis(cluster, faultLog);
    }

    /** Fault lines go to the System.Logger "io.rafttorture.nemesis.Nemesis" at INFO. */
    public Nemesis(ClusterHandles cluster) {
        this(cluster, line -> LOG.log(System.Logger.Level.INFO, line));
    }

    public NetworkNemesis network() {
        return network;
    }

    public ProcessNemesis processes() {
        return processes;
    }

    /**
     * Resumes paused nodes, restarts killed ones, then removes every toxic added. Resuming comes first because
     * removing a latency or bandwidth toxic towards a paused node can block Toxiproxy's API for up to 25 s. If a
     * restart fails, the toxics are still removed (unless a node stays paused) before the failure is thrown.
     */
    public void healAll() {
        try {
            processes.recoverAll();
        } finally {
            if (processes.paused().isEmpty()) network.clear();
        }
    }
}
