package io.rafttorture.workloads.client;

import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.client.NotSentException;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.workloads.generator.Invocation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * One logical process's connection to its node: executes an {@link Invocation} and says how it ended. Not
 * thread-safe (one operation at a time, like {@link NodeClient}). Connects lazily, so a node that is down makes the
 * first operation fail (not sent) instead of this constructor.
 */
public final class KvClient implements AutoCloseable {
    private final NodeClient client;

    /** A client of {@code node}; each request waits at most {@code opTimeout} for its answer. */
    public KvClient(InetSocketAddress node, Duration opTimeout) {
        Duration connectTimeout = opTimeout.compareTo(Duration.ofSeconds(1)) < 0 ? opTimeout : Duration.ofSeconds(1);
        this.client = NodeClient.lazy(node.getHostString(), node.getPort(), connectTimeout, opTimeout);
    }

    public Completion invoke(Invocation op) {
        try {
            return Outcomes.of(op, send(op));
        } catch (NotSentException e) {
            return Outcomes.notSent(op);
        } catch (NodeClientException e) {
            // IndeterminateException, the only other kind: the request was written, its fate unknown.
            return Outcomes.indeterminate(op);
        }
    }

    private ClientResponse send(Invocation op) throws NodeClientException {
        return switch (op.f()) {
            case Invocation.READ -> client.read(op.nodeKey());
            case Invocation.WRITE -> client.write(op.nodeKey(), op.value().toString());
            default -> {
                List<?> pair = (List<?>) op.value();
                yield client.cas(op.nodeKey(), pair.get(0).toString(), pair.get(1).toString());
            }
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
