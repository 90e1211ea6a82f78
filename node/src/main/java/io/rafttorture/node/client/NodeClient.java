package io.rafttorture.node.client;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.wire.Codec;
import io.rafttorture.node.wire.Frame;
import io.rafttorture.node.wire.FrameReader;
import io.rafttorture.node.wire.FrameWriter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A client of one node's client port, for one logical process: <b>not thread-safe</b>, one request at a time.
 *
 * <p>It owns a random {@link #clientId()} and numbers its requests 1, 2, 3... so the node applies a retried request
 * at most once. Each call returns the node's {@link ClientResponse} (including definite failures such as
 * NOT_LEADER, and the node's own indeterminate TIMEOUT status) or throws:
 * <ul>
 *   <li>{@link NotSentException}: connecting failed, nothing was written; the request certainly did not happen;</li>
 *   <li>{@link IndeterminateException}: the request was written but no answer arrived within the request timeout
 *       (or the connection broke); it may or may not happen.</li>
 * </ul>
 * After a failure the connection is dropped and the next call reconnects, so a stale answer can never be taken
 * for a later request's. A connection the node closed while this client was idle is noticed before writing, so a
 * request to a node that restarted meanwhile is sent on a fresh connection (or fails as not sent).
 */
public final class NodeClient implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** After this long unused, check that the node has not closed the connection before writing to it. */
    private static final long IDLE_CHECK_NANOS = 10_000_000;

    private final InetSocketAddress address;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long clientId;
    private long seq;
    private Socket socket;
    private FrameWriter writer;
    private FrameReader reader;
    private long lastUsedNanos;

    private NodeClient(InetSocketAddress address, Duration connectTimeout, Duration requestTimeout) {
        this.address = address;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clientId = RANDOM.nextLong();
    }

    /**
     * Connects to {@code host:port}.
     *
     * @throws NotSentException if the connection cannot be opened within {@code connectTimeout}
     */
    public static NodeClient connect(String host, int port, Duration connectTimeout, Duration requestTimeout)
            throws NotSentException {
        NodeClient c = new NodeClient(new InetSocketAddress(host, port), connectTimeout, requestTimeout);
        c.ensureConnected();
        return c;
    }

    /** Like {@link #connect} but does not connect until the first request. */
    public static NodeClient lazy(String host, int port, Duration connectTimeout, Duration requestTimeout) {
        return new NodeClient(InetSocketAddress.createUnresolved(host, port), connectTimeout, requestTimeout);
    }

    public long clientId() {
        return clientId;
    }

    public InetSocketAddress address() {
        return address;
    }

    public ClientResponse read(String key) throws NodeClientException {
        return call(ClientRequest.read(clientId, ++seq, key));
    }

    public ClientResponse write(String key, String value) throws NodeClientException {
        return call(ClientRequest.write(clientId, ++seq, key, value));
    }

    public ClientResponse cas(String key, String expected, String value) throws NodeClientException {
        return call(ClientRequest.cas(clientId, ++seq, key, expected, value));
    }

    /** The node's status; {@code value} holds it as a JSON object. */
    public ClientResponse status() throws NodeClientException {
        return call(ClientRequest.status(clientId, ++seq));
    }

    private ClientResponse call(ClientRequest request) throws NodeClientException {
        if (socket != null && System.nanoTime() - lastUsedNanos > IDLE_CHECK_NANOS && closedByNode()) disconnect();
        ensureConnected();
        lastUsedNanos = System.nanoTime();
        try {
            writer.write(Codec.encode(request));
            writer.flush();
        } catch (IOException e) {
            disconnect();
            throw new IndeterminateException(describe(request) + ": connection failed while sending: " + e.getMessage(), e);
        }
        try {
            return awaitAnswer(request);
        } catch (SocketTimeoutException e) {
            disconnect();
            throw new IndeterminateException(describe(request) + ": no answer within " + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            disconnect();
            throw new IndeterminateException(describe(request) + ": connection lost awaiting the answer: " + e.getMessage(), e);
        }
    }

    private ClientResponse awaitAnswer(ClientRequest request) throws IOException {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        while (true) {
            long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
            ClientResponse r = Codec.decodeClientResponse(reader.read());
            if (r.clientId() == clientId && r.seq() == request.seq()) return r;
            if (System.nanoTime() >= deadline) throw new SocketTimeoutException("only stale answers arrived");
        }
    }

    /**
     * True when the node closed this idle connection (it restarted, or a proxy dropped it). Writing into such a
     * connection would turn a request that reaches no one into an indeterminate one; reconnecting first keeps it
     * "not sent" if the node is down. Costs at most 1 ms, and only after an idle period.
     */
    private boolean closedByNode() {
        try {
            socket.setSoTimeout(1);
            socket.getInputStream().read(); // EOF, or a byte nobody asked for: either way start afresh
            return true;
        } catch (SocketTimeoutException alive) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void ensureConnected() throws NotSentException {
        if (socket != null) return;
        InetSocketAddress resolved = address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(resolved, (int) connectTimeout.toMillis());
            writer = new FrameWriter(s.getOutputStream());
            reader = new FrameReader(s.getInputStream(), Frame.MAX_CLIENT_FRAME);
            socket = s;
        } catch (IOException e) {
            closeQuietly(s);
            throw new NotSentException("cannot connect to " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage(), e);
        }
    }

    private String describe(ClientRequest r) {
        return r.op() + " seq " + r.seq() + " to " + address.getHostString() + ":" + address.getPort();
    }

    private void disconnect() {
        closeQuietly(socket);
        socket = null;
        writer = null;
        reader = null;
    }

    private static void closeQuietly(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
