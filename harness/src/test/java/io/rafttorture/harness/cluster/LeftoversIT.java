package io.rafttorture.harness.cluster;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("slow")
class LeftoversIT {
    private final DockerClient docker = DockerClientFactory.instance().client();

    @Test
    void orphansOfDeadOwners_areRemoved_liveRunsAreKept() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String orphan = createLabelled("orphan-test", gone.pid());
        String live = createLabelled("live-test", ProcessHandle.current().pid());
        try {
            Leftovers.removeOrphans(docker);

            assertThat(Leftovers.containers(docker, Labels.RUN, "orphan-test")).as("container of a dead owner").isEmpty();
            assertThat(Leftovers.containers(docker, Labels.RUN, "live-test")).as("container of a live owner").hasSize(1);
        } finally {
            Leftovers.removeAll(docker, Labels.RUN, "orphan-test");
            Leftovers.removeAll(docker, Labels.RUN, "live-test");
        }
        assertThat(Leftovers.containers(docker, Labels.RUN, "live-test")).isEmpty();
    }

    @Test
    void failedStart_removesEverythingItCreated() {
        Cluster cluster = new Cluster().withNodes(1).withLeaderTimeout(Duration.ofMillis(1))
                .withRunDir(Path.of(System.getProperty("rafttorture.runs.dir", "runs"), "failed-start"));

        assertThatThrownBy(cluster::start).as("no leader within 1 ms").isInstanceOf(RuntimeException.class);
        assertThat(Leftovers.containers(docker, Labels.RUN, cluster.runId())).as("containers after a failed start").isEmpty();
        assertThat(Leftovers.networks(docker, Labels.RUN, cluster.runId())).as("networks after a failed start").isEmpty();
    }

    private String createLabelled(String run, long ownerPid) {
        Map<String, String> labels = new HashMap<>(Labels.forRun(run));
        labels.put(Labels.OWNER_PID, Long.toString(ownerPid));
        String image = Images.toxiproxy(docker).asCanonicalNameString();
        return docker.createContainerCmd(image).withLabels(labels).exec().getId();
    }
}
