package io.rafttorture.nemesis;

import io.rafttorture.nemesis.toxiproxy.ProxyState;
import io.rafttorture.nemesis.toxiproxy.Toxic;
import io.rafttorture.nemesis.toxiproxy.ToxiproxyApi;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Network faults through Toxiproxy. Each method returns once every toxic it adds is in place, records what it added,
 * and then reports the complete set of toxics and disabled proxies in force (read back from Toxiproxy) to the
 * fault log. Removal takes away exactly what was recorded. Thread-safe (one fault change at a time).
 */
public final class NetworkNemesis {
    /** What kind of toxic, which also names it: "{kind}-{stream}" on its proxy. */
    public enum Kind {
        BLACKHOLE("blackhole", "timeout"), LATENCY("latency", "latency"),
        BANDWIDTH("bandwidth", "bandwidth"), RESET_PEER("reset-peer", "reset_peer");

        final String label;
        final String type;

        Kind(String label, String type) {
            this.label = label;
            this.type = type;
        }
    }

    private record Placed(ProxyStream where, Kind kind) {
        String toxicName() {
            return kind.label + "-" + where.stream();
        }

        ToxiproxyApi.Placement placement(Map<String, Object> attributes) {
            return new ToxiproxyApi.Placement(where.proxy(), new Toxic(toxicName(), kind.type, where.stream(), 1.0, attributes));
        }
    }

    private final ClusterHandles cluster;
    private final ToxiproxyApi toxiproxy;
    private final Consumer<String> faultLog;
    private final Map<Placed, Link> placed = new LinkedHashMap<>();

    /** @param faultLog receives one line after each change: the toxics and disabled proxies in force */
    public NetworkNemesis(ClusterHandles cluster, Consumer<String> faultLog) {
        this.cluster = cluster;
        this.toxiproxy = cluster.toxiproxy();
        this.faultLog = faultLog;
    }

    /** Complete partition: every node drops what nodes of other groups send. Returns the links blackholed. */
    @SafeVarargs
    public final Set<Link> partition(Set<Integer>... groups) {
        return apply(Grudge.complete(Arrays.asList(groups)));
    }

    /** Blackholes one direction: {@code to} receives nothing from {@code from}; the reverse still works. */
    public Set<Link> cut(int from, int to) {
        return apply(Grudge.oneWay(from, to));
    }

    /** {@code node} and every other node drop each other's messages. */
    public Set<Link> isolate(int node) {
        return apply(Grudge.isolate(node, cluster.nodeIds()));
    }

    /** Blackholes every link the grudge names (timeout toxic, timeout 0: bytes vanish, connections stay open). */
    public synchronized Set<Link> apply(Grudge grudge) {
        Set<Link> links = grudge.links();
        add(links, Kind.BLACKHOLE, Map.of("timeout", 0));
        report("blackhole " + sorted(links));
        return links;
    }

    /** Delays every byte on {@code links} by meanMs ± jitterMs. */
    public synchronized void latency(Collection<Link> links, int meanMs, int jitterMs) {
        add(links, Kind.LATENCY, Map.of("latency", meanMs, "jitter", jitterMs));
        report("latency " + meanMs + "±" + jitterMs + " ms on " + sorted(links));
    }

    /** Limits each stream of {@code links} to {@code kbps} KB/s; 0 stalls it until removed. */
    public synchronized void bandwidth(Collection<Link> links, long kbps) {
        add(links, Kind.BANDWIDTH, Map.of("rate", kbps));
        report("bandwidth " + kbps + " KB/s on " + sorted(links));
    }

    /** Resets (TCP RST) connections opened on {@code links} from now on, as soon as they carry data. */
    public synchronized void resetPeer(Collection<Link> links) {
        add(links, Kind.RESET_PEER, Map.of("timeout", 0));
        report("reset-peer on " + sorted(links));
    }

    /** Removes every blackhole this nemesis added (connections they held are closed; nodes reconnect). */
    public synchronized void heal() {
        remove(Kind.BLACKHOLE);
    }

    /** Removes every latency toxic this nemesis added. Resume paused nodes first: see {@link #clear()}. */
    public synchronized void removeLatency() {
        remove(Kind.LATENCY);
    }

    /** Removes every bandwidth toxic this nemesis added. Resume paused nodes first: see {@link #clear()}. */
    public synchronized void removeBandwidth() {
        remove(Kind.BANDWIDTH);
    }

    public synchronized void removeResetPeer() {
        remove(Kind.RESET_PEER);
    }

    /**
     * Removes every toxic this nemesis added. Resume paused nodes first: removing a latency or bandwidth toxic towards
     * a paused node can block Toxiproxy's API for up to 25 s and then fail ({@link Nemesis#healAll()} does it in order).
     */
    public synchronized void clear() {
        for (Kind kind : Kind.values()) {
            if (placed.keySet().stream().anyMatch(p -> p.kind() == kind)) remove(kind);
        }
    }

    /** The links currently affected by toxics of {@code kind}, from this nemesis's record. */
    public synchronized Set<Link> linksWith(Kind kind) {
        return placed.entrySet().stream().filter(e -> e.getKey().kind() == kind)
                .map(Map.Entry::getValue).collect(Collectors.toSet());
    }

    /** The complete set of toxics and disabled proxies in force, read from Toxiproxy. */
    public String inForce() {
        List<ProxyState> proxies = toxiproxy.proxies();
        String toxics = proxies.stream().flatMap(p -> p.toxics().stream().map(t -> p.name() + "/" + t))
                .collect(Collectors.joining(", "));
        String disabled = proxies.stream().filter(p -> !p.enabled()).map(ProxyState::name)
                .collect(Collectors.joining(", "));
        return "toxics in force: [" + toxics + "]; disabled proxies: [" + disabled + "]";
    }

    private void add(Collection<Link> links, Kind kind, Map<String, Object> attributes) {
        Map<Placed, Link> toPlace = new LinkedHashMap<>();
        for (Link link : links) {
            for (ProxyStream where : ProxyStream.carrying(link, cluster)) toPlace.put(new Placed(where, kind), link);
        }
        // Recorded first: if a call fails half-way, heal still removes whatever did get placed (404 = never was).
        placed.putAll(toPlace);
        toxiproxy.addToxics(toPlace.keySet().stream().map(p -> p.placement(attributes)).toList());
    }

    private void remove(Kind kind) {
        List<Placed> ofKind = placed.keySet().stream().filter(p -> p.kind() == kind).toList();
        toxiproxy.removeToxics(ofKind.stream().map(p -> p.placement(Map.of())).toList());
        ofKind.forEach(placed::remove);
        report("removed " + ofKind.size() + " " + kind.label + " toxics");
    }

    private void report(String change) {
        faultLog.accept(change + "; " + inForce());
    }

    private static String sorted(Collection<Link> links) {
        return links.stream().sorted((a, b) -> a.from() != b.from() ? a.from() - b.from() : a.to() - b.to())
                .map(Link::toString).collect(Collectors.joining(" ", "[", "]"));
    }
}
