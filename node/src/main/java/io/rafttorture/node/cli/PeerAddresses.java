package io.rafttorture.node.cli;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;

/** Parses {@code --peers 1=host:port,2=host:port,...} and {@code host:port} values, naming the bad part on error. */
final class PeerAddresses {
    static final int MAX_ID = 8;

    private PeerAddresses() {}

    /** Node id to address, for ids 1..8; repeated ids are an error. */
    static Map<Integer, InetSocketAddress> parse(String option, java.util.List<String> items) {
        Map<Integer, InetSocketAddress> peers = new TreeMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException(option + ": '" + item + "' is not ID=HOST:PORT");
            int id = parseInt(option, item.substring(0, eq), item);
            if (id < 1 || id > MAX_ID) throw new IllegalArgumentException(option + ": node id " + id + " in '" + item + "' is outside 1.." + MAX_ID);
            if (peers.put(id, hostPort(option, item.substring(eq + 1))) != null) {
                throw new IllegalArgumentException(option + ": node id " + id + " is listed twice");
            }
        }
        return peers;
    }

    /** {@code host:port} as an unresolved address (resolved at connect time, so a late DNS entry still works). */
    static InetSocketAddress hostPort(String option, String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 1 || colon == value.length() - 1) throw new IllegalArgumentException(option + ": '" + value + "' is not HOST:PORT");
        int port = parseInt(option, value.substring(colon + 1), value);
        if (port < 1 || port > 65535) throw new IllegalArgumentException(option + ": port " + port + " in '" + value + "' is outside 1..65535");
        return InetSocketAddress.createUnresolved(value.substring(0, colon), port);
    }

    private static int parseInt(String option, String digits, String whole) {
        try {
            return Integer.parseInt(digits.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + digits + "' in '" + whole + "' is not a number");
        }
    }
}
