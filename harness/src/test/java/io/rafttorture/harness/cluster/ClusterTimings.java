package io.rafttorture.harness.cluster;

import io.rafttorture.nemesis.Link;
import io.rafttorture.nemesis.NetworkNemesis;
import io.rafttorture.nemesis.ProcessNemesis;

import java.util.List;
import java.util.Set;

/**
 * Prints how long a cluster with default Raft timeouts takes from nothing to a leader, how long each fault primitive
 * takes to be in force, and how long close takes. Not a test: run with {@code scripts/cluster-timings.sh [nodes]}.
 */
public final class ClusterTimings {
    private ClusterTimings() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 && args[0].matches("[3-8]") ? Integer.parseInt(args[0]) : 0;
        if (args.length > 0 && size == 0) {
            System.err.println("usage: cluster-timings.sh [nodes 3-8, default 5]; got '" + args[0] + "'");
            System.exit(2);
        }
        if (size == 0) size = 5;
        long closeStart;
        try (Cluster cluster = new Cluster().withNodes(size)) {
            cluster.start();
            System.out.printf("start %d nodes to a leader: %d ms (%s)%n", size, cluster.startupTime().toMillis(),
                    cluster.startupPhases());
            network(cluster.nemesis().network(), cluster);
            processes(cluster.nemesis().processes(), cluster);
            closeStart = System.nanoTime();
        }
        System.out.printf("close: %d ms%n", (System.nanoTime() - closeStart) / 1_000_000);
    }

    private static void network(NetworkNemesis network, Cluster cluster) {
        List<Link> peers = Link.allPeerLinks(cluster.nodeIds());
        Set<Integer> minority = Set.of(1, 2);
        Set<Integer> majority = Set.copyOf(cluster.nodeIds().subList(2, cluster.nodeIds().size()));
        time("partition {1,2} / rest", () -> network.partition(minority, majority));
        time("heal", network::heal);
        time("isolate n1", () -> network.isolate(1));
        time("heal", network::heal);
        time("cut n1->n2", () -> network.cut(1, 2));
        time("heal", network::heal);
        time("latency 50±10 ms on all " + peers.size() + " peer links", () -> network.latency(peers, 50, 10));
        time("remove latency", network::removeLatency);
        time("bandwidth 100 KB/s on all peer links", () -> network.bandwidth(peers, 100));
        time("remove bandwidth", network::removeBandwidth);
        time("reset-peer on all peer links", () -> network.resetPeer(peers));
        time("remove reset-peer", network::removeResetPeer);
    }

    private static void processes(ProcessNemesis processes, Cluster cluster) {
        int node = cluster.nodeIds().get(cluster.nodeIds().size() - 1);
        time("kill n" + node, () -> processes.kill(node));
        time("restart n" + node, () -> processes.restart(node));
        time("pause n" + node, () -> processes.pause(node));
        time("resume n" + node, () -> processes.resume(node));
        time("leader again", () -> cluster.awaitLeader(java.time.Duration.ofSeconds(60)));
    }

    private static void time(String what, Runnable step) {
        long start = System.nanoTime();
        step.run();
        System.out.printf("%-45s %7.1f ms%n", what, (System.nanoTime() - start) / 1e6);
    }
}
