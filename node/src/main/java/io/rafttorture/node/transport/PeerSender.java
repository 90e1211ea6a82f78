package io.rafttorture.node.transport;

import io.rafttorture.node.raft.Message;
import io.rafttorture.node.replica.Event;
import io.rafttorture.node.wire.Codec;
import io.rafttorture.node.wire.FrameWriter;
import io.rafttorture.node.wire.Handshake;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The outbound connection to one peer, owned by its own thread: connect, handshake, then write queued messages
 * in batches (one flush per batch). Any failure closes the socket and reconnects after an exponential backoff.
 * The queue is bounded and drops its oldest message when full, so a dead peer costs bounded memory.
 *
 * <p>The peer never writes on this connection, so whenever the queue is idle for {@value #IDLE_CHECK_MS} ms the
 * sender looks for the end of the stream: a peer that restarted (or a proxy whose target died) closed it, and the
 * next message would go into a dead socket and be lost, which costs a candidate its first RequestVote round. A
 * connection that closes before it proved open (a proxy accepting for a dead target) is not reported as connected
 * and is retried on the short {@link ReconnectBackoff} of accepted connections.
 */
final class PeerSender implements Runnable {
    static final int IDLE_CHECK_MS = 20;
    private final int self;
    private final int peer;
    private final InetSocketAddress address;
    private final TransportOptions options;
    private final Consumer<Event> events;
    private final BlockingQueue<Message> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private volatile Socket socket;
    /** The current connection was seen open after its handshake (by an idle check or a written batch). */
    private boolean established;

    PeerSender(int self, int peer, InetSocketAddress address, TransportOptions options, Consumer<Event> events) {
        this.self = self;
        this.peer = peer;
        this.address = address;
        this.options = options;
        this.events = events;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
    }

    /** Never blocks: when the queue is full the oldest message is dropped (Raft re-sends what matters). */
    void send(Message m) {
        while (!queue.offer(m)) {
            if (queue.poll() != null) dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public void run() {
        ReconnectBackoff backoff = new ReconnectBackoff(options.minBackoff().toMillis(), options.maxBackoff().toMillis());
        boolean wasConnected = true; // so the first failure is reported; then once per established connection
        while (running) {
            established = false;
            boolean accepted = false;
            try (Socket s = new Socket()) {
                socket = s;
                FrameWriter writer = connect(s);
                accepted = true;
                pump(s, writer);
            } catch (IOException e) {
                if (running && (established || wasConnected)) {
                    events.accept(Event.of("peer-disconnected", "peer", peer, "address", hostPort(),
                            "error", String.valueOf(e.getMessage()), "dropped", dropped.get()));
                }
                wasConnected = false;
            }
            long delayMs = backoff.afterAttempt(accepted, established);
            if (running) pause(delayMs);
        }
    }

    private FrameWriter connect(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        // resolve on every attempt: in containers a peer's name may appear in DNS after we start
        InetSocketAddress target = address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
        if (target.isUnresolved()) throw new java.net.UnknownHostException(address.getHostString());
        s.connect(target, (int) options.connectTimeout().toMillis());
        if (s.getLocalPort() == s.getPort() && s.getLocalAddress().equals(s.getInetAddress())) {
            // TCP self-connect: dialing a free loopback port can connect to itself, squatting the port the peer
            // is about to bind. Let go of it at once.
            throw new java.net.ConnectException("self-connect on port " + s.getPort());
        }
        FrameWriter writer = new FrameWriter(s.getOutputStream());
        writer.write(new Handshake(self, peer).toFrame());
        writer.flush();
        return writer;
    }

    private void pump(Socket s, FrameWriter writer) throws IOException {
        InputStream in = s.getInputStream();
        s.setSoTimeout(1);
        while (running) {
            Message m = poll();
            if (m == null) {
                ensureOpen(in);
                continue;
            }
            do {
                writer.write(Codec.encode(m));
            } while ((m = queue.poll()) != null);
            writer.flush();
            markEstablished();
        }
    }

    /** Throws if the peer closed the connection; blocks at most 1 ms (the socket's read timeout) when it is open. */
    private void ensureOpen(InputStream in) throws IOException {
        try {
            int read = in.read();
            throw new EOFException(read < 0 ? "closed by the peer" : "the peer wrote on a send-only connection");
        } catch (SocketTimeoutException open) {
            markEstablished();
        }
    }

    private void markEstablished() {
        if (established) return;
        established = true;
        events.accept(Event.of("peer-connected", "peer", peer, "address", hostPort()));
    }

    private Message poll() {
        try {
            return queue.poll(IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms); // reconnect backoff, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private String hostPort() {
        return address.getHostString() + ":" + address.getPort();
    }

    void stop() {
        running = false;
        Sockets.quietlyClose(socket);
    }
}
