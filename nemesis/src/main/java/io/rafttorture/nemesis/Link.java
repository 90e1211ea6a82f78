package io.rafttorture.nemesis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A directed link: the bytes that flow from {@code from} to {@code to}. Node ids start at 1; {@link #CLIENTS}
 * (0) stands for the harness's clients, so {@code Link(0, 3)} carries requests to node 3 and {@code Link(3, 0)}
 * its answers.
 */
public record Link(int from, int to) {
    /** The pseudo node id of the clients. */
    public static final int CLIENTS = 0;

    public Link {
        if (from < 0 || to < 0 || from == to) {
            throw new IllegalArgumentException("bad link " + from + "->" + to + ": ids must differ and be >= 0");
        }
        if (from == CLIENTS && to == CLIENTS) throw new IllegalArgumentException("a link needs a node");
    }

    public boolean isClientLink() {
        return from == CLIENTS || to == CLIENTS;
    }

    /** Every directed node-to-node link among {@code nodes}. */
    public static List<Link> allPeerLinks(Collection<Integer> nodes) {
        List<Link> links = new ArrayList<>();
        for (int from : nodes) {
            for (int to : nodes) {
                if (from != to) links.add(new Link(from, to));
            }
        }
        return links;
    }

    /** Both directions of every client link to {@code nodes}. */
    public static List<Link> allClientLinks(Collection<Integer> nodes) {
        List<Link> links = new ArrayList<>();
        for (int node : nodes) {
            links.add(new Link(CLIENTS, node));
            links.add(new Link(node, CLIENTS));
        }
        return links;
    }

    @Override
    public String toString() {
        return name(from) + "->" + name(to);
    }

    private static String name(int id) {
        return id == CLIENTS ? "clients" : "n" + id;
    }
}
