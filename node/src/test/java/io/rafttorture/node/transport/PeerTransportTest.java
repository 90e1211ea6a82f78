package io.rafttorture.node.transport;

import io.rafttorture.node.raft.Message;
import io.rafttorture.node.replica.Event;
import io.rafttorture.node.wire.FrameWriter;
import io.rafttorture.node.wire.Handshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real loopback sockets between real transports. */
class PeerTransportTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    private final List<AutoCloseable> closeMe = new ArrayList<>();
    private final List<Message> receivedBy2 = new CopyOnWriteArrayList<>();
    private final List<Event> eventsOf2 = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeMe) c.close();
    }

    private PeerTransport transport(int self, Map<Integer, InetSocketAddress> peers, InetSocketAddress bind,
                                    List<Message> received, List<Event> events) throws IOException {
        PeerTransport t = new PeerTransport(self, peers, bind, received::add, events::add, TransportOptions.DEFAULTS).start();
        closeMe.add(t);
        return t;
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Message vote(long term) {
        return new Message.RequestVote(1, 2, term, 0, 0);
    }

    @Test
    void deliversMessagesToTheNamedPeer() throws IOException {
        PeerTransport two = transport(2, Map.of(1, loopback(freePort())), ANY, receivedBy2, eventsOf2);
        PeerTransport one = transport(1, Map.of(1, loopback(1), 2, loopback(two.port())), ANY, new ArrayList<>(), new ArrayList<>());
        for (long term = 1; term <= 100; term++) one.send(vote(term));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedBy2.size() == 100);
        assertThat(receivedBy2).as("in order, none lost on a healthy connection").extracting(Message::term)
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void reconnectsAfterTheRemoteRestarts() throws Exception {
        PeerTransport two = transport(2, Map.of(1, loopback(freePort())), ANY, receivedBy2, eventsOf2);
        int port = two.port();
        PeerTransport one = transport(1, Map.of(2, loopback(port)), ANY, new ArrayList<>(), new ArrayList<>());
        one.send(vote(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !receivedBy2.isEmpty());
        two.close();

        List<Message> receivedByNew2 = new CopyOnWriteArrayList<>();
        // one's reconnect attempts may briefly hold the port (see PeerSender's self-connect check): retry the bind
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(java.net.BindException.class).until(() -> {
            transport(2, Map.of(1, loopback(freePort())), loopback(port), receivedByNew2, new ArrayList<>());
            return true;
        });
        // Messages written into the dead connection may be lost: keep sending until one arrives.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            one.send(vote(2));
            return !receivedByNew2.isEmpty();
        });
        assertThat(receivedByNew2.get(0).term()).isEqualTo(2);
    }

    @Test
    void anIdleSenderNoticesItsPeerRestartedSoItsNextMessageIsNotLost() throws Exception {
        PeerTransport two = transport(2, Map.of(1, loopback(freePort())), ANY, receivedBy2, eventsOf2);
        int port = two.port();
        List<Event> eventsOf1 = new CopyOnWriteArrayList<>();
        PeerTransport one = transport(1, Map.of(2, loopback(port)), ANY, new ArrayList<>(), eventsOf1);
        one.send(vote(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !receivedBy2.isEmpty());
        two.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(eventsOf1, "peer-disconnected") == 1);

        List<Message> receivedByNew2 = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(java.net.BindException.class).until(() -> {
            transport(2, Map.of(1, loopback(freePort())), loopback(port), receivedByNew2, new ArrayList<>());
            return true;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> count(eventsOf1, "peer-connected") == 2);
        one.send(vote(2)); // once: a sender still writing into the dead connection would lose it
        await().atMost(Duration.ofSeconds(10)).until(() -> !receivedByNew2.isEmpty());
        assertThat(receivedByNew2).extracting(Message::term).containsExactly(2L);
    }

    private static long count(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    @Test
    void garbageClosesOnlyThatConnection() throws IOException {
        PeerTransport two = transport(2, Map.of(1, loopback(freePort())), ANY, receivedBy2, eventsOf2);
        PeerTransport one = transport(1, Map.of(2, loopback(two.port())), ANY, new ArrayList<>(), new ArrayList<>());
        one.send(vote(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedBy2.size() == 1);

        try (Socket rogue = new Socket("127.0.0.1", two.port())) {
            OutputStream out = rogue.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: raft\r\n\r\n".getBytes());
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> rogue.getInputStream().read() == -1);
        }
        assertThat(eventsOf2).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("protocol-error");
            assertThat(e.fields()).containsEntry("problem", "BAD_CHECKSUM");
        });
        one.send(vote(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedBy2.size() == 2);
    }

    @Test
    void handshakeFromAnUnknownNodeOrMismatchedSenderIsRefused() throws IOException {
        PeerTransport two = transport(2, Map.of(1, loopback(freePort())), ANY, receivedBy2, eventsOf2);
        try (Socket impostor = new Socket("127.0.0.1", two.port())) {
            FrameWriter w = new FrameWriter(impostor.getOutputStream());
            w.write(new Handshake(7, 2).toFrame());
            w.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> impostor.getInputStream().read() == -1);
        }
        try (Socket liar = new Socket("127.0.0.1", two.port())) {
            FrameWriter w = new FrameWriter(liar.getOutputStream());
            w.write(new Handshake(1, 2).toFrame());
            w.write(io.rafttorture.node.wire.Codec.encode(new Message.RequestVote(3, 2, 1, 0, 0)));
            w.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> liar.getInputStream().read() == -1);
        }
        assertThat(receivedBy2).as("nothing from an unidentified sender reaches the node").isEmpty();
        assertThat(eventsOf2).filteredOn(e -> e.type().equals("protocol-error")).hasSize(2);
    }

    @Test
    void aNewConnectionFromAPeerReplacesItsOldOne() throws IOException {
        PeerTransport two = transport(2, Map.of(1, loopback(freePort())), ANY, receivedBy2, eventsOf2);
        try (Socket old = new Socket("127.0.0.1", two.port()); Socket fresh = new Socket("127.0.0.1", two.port())) {
            FrameWriter w = new FrameWriter(old.getOutputStream());
            w.write(new Handshake(1, 2).toFrame());
            w.write(io.rafttorture.node.wire.Codec.encode(vote(1)));
            w.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> receivedBy2.size() == 1);
            FrameWriter w2 = new FrameWriter(fresh.getOutputStream());
            w2.write(new Handshake(1, 2).toFrame());
            w2.write(io.rafttorture.node.wire.Codec.encode(vote(2)));
            w2.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> old.getInputStream().read() == -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> receivedBy2.size() == 2);
        }
    }

    @Test
    void queueToADeadPeerStaysBounded() throws IOException {
        PeerTransport one = transport(1, Map.of(2, loopback(freePort())), ANY, new ArrayList<>(), new ArrayList<>());
        int sent = 10_000;
        for (int i = 0; i < sent; i++) one.send(vote(i));
        assertThat(one.dropped(2)).as("all but the queue capacity are dropped")
                .isEqualTo(sent - TransportOptions.DEFAULTS.queueCapacity());
    }
}
