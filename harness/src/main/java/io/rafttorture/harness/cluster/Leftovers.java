package io.rafttorture.harness.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;

import java.util.List;
import java.util.Map;

/**
 * Finds and removes the containers and networks of the project by label. {@link #removeOrphans} removes those whose
 * owning process on this host is gone (a run killed with -9 or by a CI timeout), and leaves live runs of other
 * processes alone.
 */
public final class Leftovers {
    private static final System.Logger LOG = System.getLogger(Leftovers.class.getName());

    private Leftovers() {
    }

    /** Removes project containers and networks whose owner process no longer runs; returns how many. */
    public static int removeOrphans(DockerClient docker) {
        String host = Labels.hostName();
        int removed = 0;
        for (Container c : containers(docker, Labels.PROJECT, "true")) {
            if (orphaned(c.getLabels(), host)) removed += removeContainer(docker, c.getId());
        }
        for (Network n : networks(docker, Labels.PROJECT, "true")) {
            if (orphaned(n.getLabels(), host)) removed += removeNetwork(docker, n.getId());
        }
        if (removed > 0) LOG.log(System.Logger.Level.INFO, "removed " + removed + " containers/networks of crashed runs");
        return removed;
    }

    /** Removes every container, then every network, carrying {@code label=value}. */
    public static void removeAll(DockerClient docker, String label, String value) {
        containers(docker, label, value).forEach(c -> removeContainer(docker, c.getId()));
        networks(docker, label, value).forEach(n -> removeNetwork(docker, n.getId()));
    }

    public static List<Container> containers(DockerClient docker, String label, String value) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec();
    }

    public static List<Network> networks(DockerClient docker, String label, String value) {
        return docker.listNetworksCmd().withFilter("label", List.of(label + "=" + value)).exec();
    }

    private static boolean orphaned(Map<String, String> labels, String host) {
        if (labels == null) return false;
        String ownerHost = labels.get(Labels.OWNER_HOST);
        if (ownerHost == null) return true; // ours, but no owner recorded: nobody can still be using it
        if (!ownerHost.equals(host)) return false; // another machine's run on a shared engine: may be alive
        try {
            long pid = Long.parseLong(labels.getOrDefault(Labels.OWNER_PID, "-1"));
            return ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static int removeContainer(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return 1;
        } catch (NotFoundException gone) {
            return 0;
        }
    }

    private static int removeNetwork(DockerClient docker, String id) {
        try {
            docker.removeNetworkCmd(id).exec();
            return 1;
        } catch (NotFoundException gone) {
            return 0;
        } catch (ConflictException inUse) {
            LOG.log(System.Logger.Level.WARNING, "network " + id + " still in use, left in place: " + inUse.getMessage());
            return 0;
        }
    }
}
