package io.rafttorture.node.server;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.raft.Message;
import io.rafttorture.node.replica.Event;
import io.rafttorture.node.replica.NodeStatus;
import io.rafttorture.node.replica.Ready;
import io.rafttorture.node.replica.Replica;
import io.rafttorture.node.storage.FileStorage;
import io.rafttorture.node.storage.Storage;
import io.rafttorture.node.transport.ClientCall;
import io.rafttorture.node.transport.ClientConnection;
import io.rafttorture.node.transport.ClientListener;
import io.rafttorture.node.transport.PeerTransport;
import io.rafttorture.node.transport.TransportOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running node. A single event-loop thread owns the {@link Replica} and the {@link Storage}; transport threads
 * hand it peer messages and client calls through one bounded inbox (blocking them when full is the back-pressure).
 * Each loop turn: wait for input or the next tick, feed the replica everything queued, then for each Ready:
 * persist hard state and entries, fsync once (group commit), and only then send messages, answer clients and print
 * events, and advance. A storage failure stops the node: it can no longer keep its promises.
 */
public final class NodeServer implements AutoCloseable {
    private static final int INBOX = 16_384;

    private sealed interface Input permits PeerInput, ClientInput {}

    private record PeerInput(Message message) implements Input {}

    private record ClientInput(ClientCall call) implements Input {}

    private record RequestKey(long clientId, long seq) {}

    private final ServerConfig config;
    private final JsonEventLog log;
    private final Storage storage;
    private final Replica replica;
    private final BlockingQueue<Input> inbox = new LinkedBlockingQueue<>(INBOX);
    private final Map<RequestKey, ClientConnection> waiting = new HashMap<>();
    private final PeerTransport peers;
    private final ClientListener clients;
    private final Thread loop;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile NodeStatus lastStatus;

    private NodeServer(ServerConfig config, JsonEventLog log, Storage storage) throws IOException {
        this.config = config;
        this.log = log;
        this.storage = storage;
        Storage.Recovered recovered = storage.load();
        this.replica = Replica.restore(config.raft(), recovered.hardState(), recovered.entries());
        this.lastStatus = replica.status();
        this.peers = new PeerTransport(config.raft().id(), config.peers(), config.peerBind(),
                m -> offer(new PeerInput(m)), log, TransportOptions.DEFAULTS);
        try {
            this.clients = new ClientListener(config.clientBind(), c -> offer(new ClientInput(c)), log);
        } catch (IOException e) {
            peers.close();
            throw e;
        }
        this.loop = new Thread(this::run, "node-" + config.raft().id() + "-event-loop");
    }

    /**
     * Opens storage in {@code config.dataDir()}, binds both ports and starts the event loop.
     *
     * @param stdout where events go, one JSON line each
     * @param stderr where a loud warning goes when a bug is enabled
     */
    public static NodeServer start(ServerConfig config, PrintStream stdout, PrintStream stderr) throws IOException {
        JsonEventLog log = new JsonEventLog(config.raft().id(), stdout, System::currentTimeMillis);
        FileStorage storage = FileStorage.open(config.dataDir());
        NodeServer server;
        try {
            server = new NodeServer(config, log, storage);
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
        server.announce(storage, stderr);
        server.peers.start();
        server.clients.start();
        server.loop.start();
        return server;
    }

    private void announce(FileStorage storage, PrintStream stderr) {
        Map<Integer, String> peerAddresses = new TreeMap<>();
        config.peers().forEach((id, a) -> peerAddresses.put(id, a.getHostString() + ":" + a.getPort()));
        log.accept(Event.of("node-started", "id", config.raft().id(), "members", config.raft().members().toString(),
                "peers", peerAddresses.toString(), "peerPort", peers.port(), "clientPort", clients.port(),
                "dataDir", config.dataDir().toString(), "tickMs", config.raft().tickMs(),
                "heartbeatMs", config.raft().heartbeatMs(), "electionMinMs", config.raft().electionMinMs(),
                "electionMaxMs", config.raft().electionMaxMs(), "rpcTimeoutMs", config.raft().rpcTimeoutMs(),
                "requestTimeoutMs", config.raft().requestTimeoutMs(), "seed", config.raft().seed(), "bug", config.raft().bug().flag(),
                "recoveredEntries", storage.load().entries().size(), "discardedLogBytes", storage.discardedBytes()));
        if (storage.discardedBytes() > 0) {
            log.accept(Event.of("log-tail-discarded", "bytes", storage.discardedBytes(), "reason", storage.discardReason()));
        }
        Bug bug = config.raft().bug();
        if (bug != Bug.NONE) {
            log.accept(Event.of("bug-enabled", "bug", bug.flag()));
            stderr.println("WARNING: node " + config.raft().id() + " runs with deliberate bug '" + bug.flag()
                    + "': it is NOT a correct Raft implementation");
        }
    }

    /** Called from transport threads; blocks while the inbox is full. */
    private void offer(Input input) {
        try {
            inbox.put(input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int peerPort() {
        return peers.port();
    }

    public int clientPort() {
        return clients.port();
    }

    /** The replica's status as of the end of the last loop turn (safe from any thread). */
    public NodeStatus status() {
        return lastStatus;
    }

    /** Blocks until the event loop has stopped; returns its fatal error, or null after a clean {@link #close()}. */
    public Throwable awaitStop() throws InterruptedException {
        stopped.await();
        return failure;
    }

    private void run() {
        try {
            TickSchedule ticks = new TickSchedule(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(config.raft().tickMs()),
                    Math.max(1, config.raft().heartbeatMs() / config.raft().tickMs()));
            List<Input> batch = new ArrayList<>();
            while (running) {
                Input first = inbox.poll(Math.max(0, ticks.next() - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    inbox.drainTo(batch);
                    batch.forEach(this::feed);
                    batch.clear();
                }
                for (int due = ticks.due(System.nanoTime()); due > 0; due--) replica.tick();
                handleReadies();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            log.accept(Event.of("node-failed", "error", String.valueOf(t)));
        } finally {
            shutDownIo();
            stopped.countDown();
        }
    }

    private void feed(Input input) {
        if (input instanceof PeerInput p) {
            replica.step(p.message());
        } else if (input instanceof ClientInput c) {
            ClientRequest q = c.call().request();
            waiting.put(new RequestKey(q.clientId(), q.seq()), c.call().connection());
            replica.submit(q);
        }
    }

    private void handleReadies() throws IOException {
        while (replica.hasReady()) {
            Ready rd = replica.ready();
            if (rd.hardState() != null) storage.persistHardState(rd.hardState());
            if (!rd.entries().isEmpty()) {
                storage.append(rd.entries());
                storage.sync(); // one fsync for the whole Ready: group commit
            }
            rd.messages().forEach(peers::send);
            rd.responses().forEach(this::answer);
            rd.events().forEach(log::acceptBatched);
            replica.advance(rd);
        }
        log.flush();
        lastStatus = replica.status();
    }

    private void answer(ClientResponse r) {
        ClientConnection c = waiting.remove(new RequestKey(r.clientId(), r.seq()));
        if (c != null && c.isOpen()) c.reply(r);
    }

    private void shutDownIo() {
        clients.close();
        peers.close();
        inbox.clear(); // releases a transport thread blocked on a full inbox
        try {
            storage.close();
        } catch (IOException e) {
            log.accept(Event.of("storage-close-failed", "error", String.valueOf(e.getMessage())));
        }
        log.accept(Event.of("node-stopped", "clean", failure == null));
    }

    /** Stops the loop and closes sockets and files. Durable state stays on disk for the next start. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.interrupt();
        stopped.await();
    }
}
