package io.rafttorture.node.client;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.wire.Codec;
import io.rafttorture.node.wire.Frame;
import io.rafttorture.node.wire.FrameReader;
import io.rafttorture.node.wire.FrameWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A scripted fake node on a real loopback socket decides how each request is (not) answered. */
class NodeClientTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    private interface Script {
        void handle(ClientRequest q, FrameWriter out, Socket s) throws IOException;
    }

    private final List<ClientRequest> received = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.close();
    }

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private void closeFakeConnections() throws IOException {
        for (Socket s : accepted) s.close();
    }

    private int fakeNode(Script script) throws IOException {
        server = new ServerSocket(0);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    accepted.add(s);
                    FrameReader in = new FrameReader(s.getInputStream(), Frame.MAX_CLIENT_FRAME);
                    FrameWriter out = new FrameWriter(s.getOutputStream());
                    while (!s.isClosed()) {
                        ClientRequest q = Codec.decodeClientRequest(in.read());
                        received.add(q);
                        script.handle(q, out, s);
                    }
                } catch (IOException e) {
                    // connection over; accept the next
                }
            }
        }, "fake-node");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private static void answer(FrameWriter out, ClientRequest q, ClientResponse.Status status, String value) throws IOException {
        out.write(Codec.encode(new ClientResponse(q.clientId(), q.seq(), status, value, 2, null)));
        out.flush();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void connectFailureIsNotSent() throws IOException {
        int port = closedPort();
        assertThatThrownBy(() -> NodeClient.connect("127.0.0.1", port, SHORT, SHORT))
                .isInstanceOf(NotSentException.class).hasMessageContaining("cannot connect");
        NodeClient lazy = NodeClient.lazy("127.0.0.1", port, SHORT, SHORT);
        assertThatThrownBy(() -> lazy.write("k", "v")).isInstanceOf(NotSentException.class)
                .satisfies(e -> assertThat(((NodeClientException) e).isIndeterminate()).isFalse());
    }

    @Test
    void answersCarryTheClientIdAndIncreasingSeq() throws Exception {
        int port = fakeNode((q, out, s) -> answer(out, q, ClientResponse.Status.OK, q.key()));
        try (NodeClient c = NodeClient.connect("127.0.0.1", port, SHORT, SHORT)) {
            assertThat(c.write("a", "1").status()).isEqualTo(ClientResponse.Status.OK);
            assertThat(c.read("b").value()).isEqualTo("b");
            assertThat(c.cas("c", "1", "2").status()).isEqualTo(ClientResponse.Status.OK);
            assertThat(received).extracting(ClientRequest::seq).containsExactly(1L, 2L, 3L);
            assertThat(received).extracting(ClientRequest::clientId).containsOnly(c.clientId());
            assertThat(received.get(2)).isEqualTo(ClientRequest.cas(c.clientId(), 3, "c", "1", "2"));
        }
    }

    @Test
    void noAnswerInTimeIsIndeterminateAndTheNextCallReconnects() throws Exception {
        int port = fakeNode((q, out, s) -> {
            if (q.seq() > 1) answer(out, q, ClientResponse.Status.OK, null); // the first request is never answered
        });
        try (NodeClient c = NodeClient.connect("127.0.0.1", port, SHORT, SHORT)) {
            assertThatThrownBy(() -> c.write("k", "v")).isInstanceOf(IndeterminateException.class)
                    .hasMessageContaining("no answer within 300 ms");
            assertThat(c.read("k").status()).isEqualTo(ClientResponse.Status.OK);
        }
    }

    @Test
    void connectionClosedAfterTheRequestIsIndeterminate() throws Exception {
        int port = fakeNode((q, out, s) -> s.close());
        try (NodeClient c = NodeClient.connect("127.0.0.1", port, SHORT, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> c.write("k", "v")).isInstanceOf(IndeterminateException.class)
                    .hasMessageContaining("connection lost")
                    .satisfies(e -> assertThat(((NodeClientException) e).isIndeterminate()).isTrue());
        }
        assertThat(received).as("the request did reach the node").hasSize(1);
    }

    @Test
    void aConnectionTheNodeClosedWhileIdleIsReplacedBeforeSending() throws Exception {
        java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        int port = fakeNode((q, out, s) -> {
            answer(out, q, ClientResponse.Status.OK, null);
            s.close(); // like a node restarting between two requests
            closed.incrementAndGet();
        });
        try (NodeClient c = NodeClient.connect("127.0.0.1", port, SHORT, SHORT)) {
            assertThat(c.write("a", "1").status()).isEqualTo(ClientResponse.Status.OK);
            await().pollDelay(Duration.ofMillis(20)).atMost(Duration.ofSeconds(5)).until(() -> closed.get() == 1);
            assertThat(c.write("b", "2").status()).as("sent on a new connection, not lost in the old one")
                    .isEqualTo(ClientResponse.Status.OK);
        }
        assertThat(received).hasSize(2);
    }

    @Test
    void aNodeThatWentDownWhileIdleGivesNotSent() throws Exception {
        int port = fakeNode((q, out, s) -> answer(out, q, ClientResponse.Status.OK, null));
        try (NodeClient c = NodeClient.connect("127.0.0.1", port, SHORT, SHORT)) {
            assertThat(c.write("a", "1").status()).isEqualTo(ClientResponse.Status.OK);
            server.close(); // no new connections; the open one is closed by the fake node below
            await().pollDelay(Duration.ofMillis(20)).atMost(Duration.ofSeconds(5)).until(() -> {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    return false;
                } catch (IOException refused) {
                    return true;
                }
            });
            closeFakeConnections();
            assertThatThrownBy(() -> c.write("b", "2")).isInstanceOf(NotSentException.class);
        }
    }

    @Test
    void staleAnswersForEarlierSeqsAreSkipped() throws Exception {
        int port = fakeNode((q, out, s) -> {
            out.write(Codec.encode(new ClientResponse(q.clientId(), q.seq() - 1, ClientResponse.Status.OK, "stale", 0, null)));
            answer(out, q, ClientResponse.Status.OK, "fresh");
        });
        try (NodeClient c = NodeClient.connect("127.0.0.1", port, SHORT, SHORT)) {
            assertThat(c.read("k").value()).isEqualTo("fresh");
        }
    }

    @Test
    void nodeStatusesComeBackAsResponsesNotExceptions() throws Exception {
        int port = fakeNode((q, out, s) -> answer(out, q, ClientResponse.Status.NOT_LEADER, null));
        try (NodeClient c = NodeClient.connect("127.0.0.1", port, SHORT, SHORT)) {
            ClientResponse r = c.write("k", "v");
            assertThat(r.status()).isEqualTo(ClientResponse.Status.NOT_LEADER);
            assertThat(r.leader()).isEqualTo(2);
        }
    }
}
