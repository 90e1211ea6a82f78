package io.rafttorture.harness.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's command line as the container runs it (no Docker needed to build it). */
class NodeContainerTest {
    @Test
    void passesTheTickTheTimeoutsAndTheSeedOnlyWhenSet() {
        NodeContainer node = new NodeContainer("raft-torture/node:test", 2, Map.of(1, "toxiproxy:9021"), null)
                .withTimeouts(75, 150, 150, 100).withTickMs(1);
        assertThat(String.join(" ", node.arguments())).contains("--id 2", "--peers 1=toxiproxy:9021", "--tick-ms 1",
                "--heartbeat-ms 75", "--election-min-ms 150", "--election-max-ms 150").doesNotContain("--seed", "--bug");

        node.withSeed(7002).withBug("stale-read");
        assertThat(String.join(" ", node.arguments())).contains("--seed 7002", "--bug stale-read");
    }
}
