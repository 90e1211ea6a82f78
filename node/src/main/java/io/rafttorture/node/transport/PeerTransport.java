package io.rafttorture.node.transport;

import io.rafttorture.node.raft.Message;
import io.rafttorture.node.replica.Event;
import io.rafttorture.node.wire.Codec;
import io.rafttorture.node.wire.Frame;
import io.rafttorture.node.wire.FrameReader;
import io.rafttorture.node.wire.Handshake;
import io.rafttorture.node.wire.ProtocolException;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Peer-to-peer messaging for node {@code self}.
 *
 * <p>Outbound: one {@link PeerSender} thread per peer connects to the address given for it (in containers, a
 * Toxiproxy proxy), so {@link #send} never blocks. Inbound: a listener on {@code bind} accepts connections; each
 * gets a reader thread that requires a {@link Handshake} naming a known peer and addressed to {@code self}, then
 * delivers every message whose from/to match the handshake to {@code inbound} (which may block: that is the
 * back-pressure). Bad bytes close that one connection and emit a {@code protocol-error} event.
 */
public final class PeerTransport implements AutoCloseable {
    private final int self;
    private final Map<Integer, PeerSender> senders = new TreeMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Consumer<Message> inbound;
    private final Consumer<Event> events;
    private final TransportOptions options;
    private final Sockets sockets = new Sockets();
    private final ServerSocket listener;
    private final Map<Integer, Socket> inboundByPeer = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running = true;

    /**
     * Binds the peer listener (port 0 picks a free one); {@link #start()} starts the threads.
     *
     * @param peers address of every other node by id; an entry for {@code self} is ignored
     */
    public PeerTransport(int self, Map<Integer, InetSocketAddress> peers, InetSocketAddress bind,
                         Consumer<Message> inbound, Consumer<Event> events, TransportOptions options) throws IOException {
        this.self = self;
        this.inbound = inbound;
        this.events = events;
        this.options = options;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(bind);
        peers.forEach((id, address) -> {
            if (id != self) senders.put(id, new PeerSender(self, id, address, options, events));
        });
    }

    /** Starts the sender threads and the listener's accept loop. */
    public PeerTransport start() {
        senders.forEach((id, sender) -> start("peer-sender-" + id, sender));
        start("peer-listener", this::acceptLoop);
        return this;
    }

    /** The bound peer port. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Queues {@code m} for {@code m.to()}; never blocks; messages to unknown nodes are dropped. */
    public void send(Message m) {
        PeerSender sender = senders.get(m.to());
        if (sender != null) sender.send(m);
    }

    /** Messages dropped so far because {@code peer}'s queue was full. */
    public long dropped(int peer) {
        PeerSender sender = senders.get(peer);
        return sender == null ? 0 : sender.dropped();
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } finally {
                synchronized (threads) {
                    threads.remove(Thread.currentThread()); // a reader per reconnect must not pile up
                }
            }
        }, "node-" + self + "-" + name);
        t.setDaemon(true);
        synchronized (threads) {
            threads.add(t);
        }
        t.start();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = listener.accept();
                sockets.add(s);
                start("peer-reader-" + s.getPort(), () -> serve(s));
            } catch (IOException e) {
                if (running) events.accept(Event.of("peer-accept-failed", "error", String.valueOf(e.getMessage())));
            }
        }
    }

    private void serve(Socket s) {
        String remote = String.valueOf(s.getRemoteSocketAddress());
        int from = 0;
        try {
            s.setSoTimeout((int) options.handshakeTimeout().toMillis());
            FrameReader reader = new FrameReader(s.getInputStream(), Frame.MAX_PEER_FRAME);
            from = Handshake.fromFrame(reader.read(), self).from();
            if (!senders.containsKey(from)) {
                throw new ProtocolException(ProtocolException.Problem.MALFORMED_BODY, "handshake from unknown node " + from);
            }
            s.setSoTimeout(0); // a quiet peer is normal: followers only answer
            // The peer reconnected: its previous connection is dead or soon will be; do not keep a thread on it.
            Socket previous = inboundByPeer.put(from, s);
            if (previous != null) sockets.remove(previous);
            while (running) inbound.accept(checked(Codec.decodeMessage(reader.read()), from));
        } catch (ProtocolException e) {
            events.accept(Event.of("protocol-error", "connection", "peer", "peer", from, "remote", remote,
                    "problem", e.problem().name(), "error", e.getMessage()));
        } catch (EOFException e) {
            // the peer closed the connection; it will reconnect
        } catch (IOException e) {
            if (running) events.accept(Event.of("peer-inbound-closed", "peer", from, "remote", remote,
                    "error", String.valueOf(e.getMessage())));
        } finally {
            if (from != 0) inboundByPeer.remove(from, s);
            sockets.remove(s);
        }
    }

    private Message checked(Message m, int from) throws ProtocolException {
        if (m.from() != from || m.to() != self) {
            throw new ProtocolException(ProtocolException.Problem.MALFORMED_BODY, "message from " + m.from() + " to "
                    + m.to() + " on the connection of node " + from + " to node " + self);
        }
        return m;
    }

    @Override
    public void close() {
        running = false;
        Sockets.quietlyClose(listener);
        senders.values().forEach(PeerSender::stop);
        sockets.closeAll();
        synchronized (threads) {
            threads.forEach(Thread::interrupt);
        }
    }
}
