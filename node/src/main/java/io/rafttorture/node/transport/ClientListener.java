package io.rafttorture.node.transport;

import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.replica.Event;
import io.rafttorture.node.wire.Codec;
import io.rafttorture.node.wire.Frame;
import io.rafttorture.node.wire.FrameReader;
import io.rafttorture.node.wire.FrameWriter;
import io.rafttorture.node.wire.ProtocolException;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Accepts client connections on {@code bind}. Each connection has a reader thread that hands every
 * CLIENT_REQUEST frame (at most {@link Frame#MAX_CLIENT_FRAME}) to {@code inbound} as a {@link ClientCall}, and a
 * writer thread that sends the replies, so a slow client never blocks the event loop. A malformed frame closes
 * that connection with a {@code protocol-error} event.
 */
public final class ClientListener implements AutoCloseable {
    private static final int REPLY_QUEUE = 1024;

    private final ServerSocket listener;
    private final Consumer<ClientCall> inbound;
    private final Consumer<Event> events;
    private final Sockets sockets = new Sockets();
    private volatile boolean running = true;

    public ClientListener(InetSocketAddress bind, Consumer<ClientCall> inbound, Consumer<Event> events) throws IOException {
        this.inbound = inbound;
        this.events = events;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(bind);
    }

    /** Starts accepting connections. */
    public ClientListener start() {
        daemon("client-listener", this::acceptLoop).start();
        return this;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = listener.accept();
                s.setTcpNoDelay(true);
                sockets.add(s);
                Connection c = new Connection(s);
                daemon("client-reader-" + s.getPort(), c::readLoop).start();
                daemon("client-writer-" + s.getPort(), c::writeLoop).start();
            } catch (IOException e) {
                if (running) events.accept(Event.of("client-accept-failed", "error", String.valueOf(e.getMessage())));
            }
        }
    }

    private final class Connection implements ClientConnection {
        private final Socket socket;
        private final BlockingQueue<ClientResponse> replies = new ArrayBlockingQueue<>(REPLY_QUEUE);
        private volatile boolean open = true;

        Connection(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void reply(ClientResponse response) {
            if (open) replies.offer(response); // full: the client will time out, which it must handle anyway
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        void readLoop() {
            try {
                FrameReader reader = new FrameReader(socket.getInputStream(), Frame.MAX_CLIENT_FRAME);
                while (running) inbound.accept(new ClientCall(Codec.decodeClientRequest(reader.read()), this));
            } catch (ProtocolException e) {
                events.accept(Event.of("protocol-error", "connection", "client", "remote",
                        String.valueOf(socket.getRemoteSocketAddress()), "problem", e.problem().name(), "error", e.getMessage()));
            } catch (EOFException e) {
                // the client hung up
            } catch (IOException e) {
                // reset by the client, or closed by us
            } finally {
                shut();
            }
        }

        void writeLoop() {
            try {
                FrameWriter out = new FrameWriter(socket.getOutputStream());
                while (open) {
                    ClientResponse r = replies.poll(100, TimeUnit.MILLISECONDS); // wakes to notice a close
                    if (r == null) continue;
                    do {
                        out.write(Codec.encode(r));
                    } while ((r = replies.poll()) != null);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                shut();
            }
        }

        private void shut() {
            open = false;
            sockets.remove(socket);
        }
    }

    @Override
    public void close() {
        running = false;
        Sockets.quietlyClose(listener);
        sockets.closeAll();
    }
}
