package io.rafttorture.node.server;

import io.rafttorture.node.raft.RaftConfig;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a {@link NodeServer} needs: the Raft tuning ({@code raft.id()} is this node), where to reach every
 * other node's peer port ({@code peers}; an entry for this node is ignored), the addresses to listen on for peers
 * and for clients (port 0 = any free port), and the data directory of the {@code hardstate} and {@code log} files.
 */
public record ServerConfig(RaftConfig raft, Map<Integer, InetSocketAddress> peers, InetSocketAddress peerBind,
                           InetSocketAddress clientBind, Path dataDir) {
    public ServerConfig {
        peers = Map.copyOf(peers);
    }
}
