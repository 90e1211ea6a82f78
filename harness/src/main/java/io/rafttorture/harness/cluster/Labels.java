package io.rafttorture.harness.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * The labels on everything a cluster creates, so that leftovers can be found and removed: the project, the run,
 * and the process (pid on this host) that owns it.
 */
public final class Labels {
    public static final String PROJECT = "io.rafttorture";
    public static final String RUN = "io.rafttorture.run";
    public static final String OWNER_PID = "io.rafttorture.pid";
    public static final String OWNER_HOST = "io.rafttorture.host";
    /** On a run's network only: the node image the run uses, so that another run's image pruning keeps it. */
    public static final String NODE_IMAGE = "io.rafttorture.node-image";

    private Labels() {
    }

    public static Map<String, String> forRun(String runId) {
        return Map.of(PROJECT, "true", RUN, runId,
                OWNER_PID, Long.toString(ProcessHandle.current().pid()), OWNER_HOST, hostName());
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
