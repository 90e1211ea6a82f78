package io.rafttorture.nemesis;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotModifiedException;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Process faults through Docker, each returning once Docker reports the new state: kill (SIGKILL), restart (the
 * same container again, so its data directory and network alias survive), pause and resume (every process frozen;
 * the kernel still accepts and buffers TCP data, delivered on resume). Idempotent: killing a dead node or resuming a
 * running one does nothing. After each change, one line listing killed and paused nodes goes to the fault log.
 */
public final class ProcessNemesis {
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterHandles cluster;
    private final DockerClient docker;
    private final Consumer<String> faultLog;
    private final Set<Integer> killed = new TreeSet<>();
    private final Set<Integer> paused = new TreeSet<>();

    public ProcessNemesis(ClusterHandles cluster, Consumer<String> faultLog) {
        this.cluster = cluster;
        this.docker = cluster.docker();
        this.faultLog = faultLog;
    }

    public synchronized void kill(int node) {
        String id = cluster.containerId(node);
        try {
            docker.killContainerCmd(id).withSignal("SIGKILL").exec();
        } catch (ConflictException notRunning) {
            // already dead: nothing to do
        }
        await(node, "dead", state -> !Boolean.TRUE.equals(state.getRunning()));
        paused.remove(node);
        killed.add(node);
        report("killed n" + node);
    }

    /** Starts the node's container again (after kill: same data dir, same alias); a paused node is resumed. */
    public synchronized void restart(int node) {
        if (paused.contains(node)) {
            resume(node);
            return;
        }
        try {
            docker.startContainerCmd(cluster.containerId(node)).exec();
        } catch (NotModifiedException alreadyRunning) {
            // running already: nothing to do
        }
        await(node, "running", state -> Boolean.TRUE.equals(state.getRunning()));
        killed.remove(node);
        cluster.nodeRestarted(node);
        report("restarted n" + node);
    }

    /** @throws IllegalStateException at once if the node is not running (killed): there is nothing to freeze */
    public synchronized void pause(int node) {
        String id = cluster.containerId(node);
        try {
            docker.pauseContainerCmd(id).exec();
        } catch (ConflictException e) {
            // Docker answers 409 both when it is paused already (done) and when it is not running (an error).
            if (!Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning())) {
                throw new IllegalStateException("cannot pause n" + node + ": it is not running (killed?)", e);
            }
        }
        await(node, "paused", state -> Boolean.TRUE.equals(state.getPaused()));
        paused.add(node);
        report("paused n" + node);
    }

    public synchronized void resume(int node) {
        String id = cluster.containerId(node);
        // Unpausing a running container is a 500 on some engines (409 on others): look before acting.
        if (Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getPaused())) {
            try {
                docker.unpauseContainerCmd(id).exec();
            } catch (ConflictException notPaused) {
                // resumed meanwhile: nothing to do
            }
        }
        await(node, "resumed", state -> !Boolean.TRUE.equals(state.getPaused()));
        paused.remove(node);
        report("resumed n" + node);
    }

    /** Resumes every paused node and restarts every killed one. */
    public synchronized void recoverAll() {
        for (int node : Set.copyOf(paused)) resume(node);
        for (int node : Set.copyOf(killed)) restart(node);
    }

    public synchronized Set<Integer> killed() {
        return Set.copyOf(killed);
    }

    public synchronized Set<Integer> paused() {
        return Set.copyOf(paused);
    }

    private void await(int node, String what, Predicate<ContainerState> reached) {
        String id = cluster.containerId(node);
        Awaitility.await("n" + node + " " + what).atMost(STATE_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> reached.test(docker.inspectContainerCmd(id).exec().getState()));
    }

    private void report(String change) {
        faultLog.accept(change + "; killed: " + killed + "; paused: " + paused);
    }
}
