package io.rafttorture.nemesis;

import io.rafttorture.nemesis.toxiproxy.Toxic;

import java.util.List;

/**
 * One stream of one proxy: where a toxic is placed. Which streams carry a {@link Link}'s bytes is a pure
 * function of the topology (one proxy per directed peer link, one per node for clients).
 */
public record ProxyStream(String proxy, String stream) {

    /**
     * The streams that carry the bytes of {@code link}: for s->d the upstream of P(s->d) (what s sends on the
     * connections s opened to d) and the downstream of P(d->s) (what s sends back on the connections d opened to s).
     * For clients->n the upstream of C(n); for n->clients its downstream.
     */
    public static List<ProxyStream> carrying(Link link, ClusterHandles cluster) {
        if (link.from() == Link.CLIENTS) return List.of(new ProxyStream(cluster.clientProxy(link.to()), Toxic.UPSTREAM));
        if (link.to() == Link.CLIENTS) return List.of(new ProxyStream(cluster.clientProxy(link.from()), Toxic.DOWNSTREAM));
        return List.of(new ProxyStream(cluster.peerProxy(link.from(), link.to()), Toxic.UPSTREAM),
                new ProxyStream(cluster.peerProxy(link.to(), link.from()), Toxic.DOWNSTREAM));
    }

    @Override
    public String toString() {
        return proxy + "/" + stream;
    }
}
