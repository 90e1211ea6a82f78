package io.rafttorture.node.server;

import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.raft.RaftConfig;
import io.rafttorture.node.raft.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A one-node cluster in this JVM on real loopback sockets and real files. */
class NodeServerTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private NodeServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) server.close();
    }

    private NodeServer start(Bug bug) throws IOException {
        RaftConfig raft = RaftConfig.defaults(1, List.of(1)).withBug(bug);
        server = NodeServer.start(new ServerConfig(raft, Map.of(), ANY, ANY, dataDir),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.status().role() == Role.LEADER);
        return server;
    }

    private NodeClient client() throws NodeClientException {
        return NodeClient.connect("127.0.0.1", server.clientPort(), Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    private String events() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void servesWritesAndReadsAndKeepsThemAcrossARestart() throws Exception {
        start(Bug.NONE);
        try (NodeClient c = client()) {
            assertThat(c.write("k", "v1").status()).isEqualTo(ClientResponse.Status.OK);
            assertThat(c.cas("k", "v1", "v2").status()).isEqualTo(ClientResponse.Status.OK);
            assertThat(c.read("k").value()).isEqualTo("v2");
            assertThat(c.status().value()).contains("\"role\":\"LEADER\"");
        }
        server.close();
        start(Bug.NONE);
        try (NodeClient c = client()) {
            assertThat(c.read("k").value()).as("recovered from the data directory").isEqualTo("v2");
        }
        assertThat(events()).contains("\"type\":\"node-started\"").contains("\"recoveredEntries\":")
                .contains("\"type\":\"node-stopped\"");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void garbageOnEitherPortClosesThatConnectionAndTheNodeServesOn() throws Exception {
        start(Bug.NONE);
        for (int port : new int[] {server.peerPort(), server.clientPort()}) {
            try (Socket rogue = new Socket("127.0.0.1", port)) {
                OutputStream out = rogue.getOutputStream();
                out.write(new byte[] {0, 0, 0, 5, 99, 1, 2, 3, 4, 0, 0, 0, 0});
                out.flush();
                await().atMost(Duration.ofSeconds(10)).until(() -> rogue.getInputStream().read() == -1);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> events().split("\"type\":\"protocol-error\"").length == 3);
        try (NodeClient c = client()) {
            assertThat(c.write("still", "alive").status()).isEqualTo(ClientResponse.Status.OK);
        }
    }

    @Test
    void anEnabledBugIsAnnouncedLoudly() throws Exception {
        start(Bug.EARLY_ACK);
        assertThat(events()).contains("\"type\":\"bug-enabled\",\"bug\":\"early-ack\"");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("WARNING").contains("early-ack");
    }
}
