package io.rafttorture.node.cli;

import io.rafttorture.node.bench.BenchCommand;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.raft.RaftConfig;
import io.rafttorture.node.server.NodeServer;
import io.rafttorture.node.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code java -jar node.jar --id 3 --peers 1=h:p,2=h:p --peer-port P --client-port Q --data-dir DIR [tuning]
 * [--bug NAME]} runs one node until killed; {@code client} and {@code bench} are subcommands. Exit status: 0 after
 * a clean stop, 1 on a fatal error (storage failure, port in use), 2 for bad options.
 */
@Command(name = "node.jar", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {ClientCommand.class, BenchCommand.class},
        description = "Runs one Raft key-value node (events as JSON lines on stdout).")
public final class NodeMain implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--id", description = "This node's id, 1..8 (required).")
    Integer id;

    @Option(names = "--peers", split = ",", paramLabel = "ID=HOST:PORT",
            description = "Peer addresses of the other nodes (this node's own entry is ignored).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--peer-port", description = "Port for peer connections (required).")
    Integer peerPort;

    @Option(names = "--client-port", description = "Port for client connections (required).")
    Integer clientPort;

    @Option(names = "--data-dir", description = "Directory of the hardstate and log files (required).")
    Path dataDir;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--tick-ms", defaultValue = "10", description = "Logical clock tick (default ${DEFAULT-VALUE}).")
    int tickMs;

    @Option(names = "--heartbeat-ms", defaultValue = "50", description = "Leader heartbeat period (default ${DEFAULT-VALUE}).")
    int heartbeatMs;

    @Option(names = "--election-min-ms", defaultValue = "150", description = "Election timeout lower bound (default ${DEFAULT-VALUE}).")
    int electionMinMs;

    @Option(names = "--election-max-ms", defaultValue = "300", description = "Election timeout upper bound (default ${DEFAULT-VALUE}).")
    int electionMaxMs;

    @Option(names = "--rpc-timeout-ms", defaultValue = "100", description = "RPC re-send timeout (default ${DEFAULT-VALUE}).")
    int rpcTimeoutMs;

    @Option(names = "--request-timeout-ms", defaultValue = "1000",
            description = "Client requests unanswered after this get TIMEOUT/UNAVAILABLE (default ${DEFAULT-VALUE}).")
    int requestTimeoutMs;

    @Option(names = "--seed", description = "Seed of the election timer randomness (default: random, logged).")
    Long seed;

    @Option(names = "--bug", paramLabel = "NAME", description = "Enable a deliberate bug: ${COMPLETION-CANDIDATES}.",
            completionCandidates = BugNames.class)
    String bug;

    /** The names --bug accepts, for the help text. */
    static final class BugNames extends ArrayList<String> {
        BugNames() {
            for (Bug b : Bug.values()) if (b != Bug.NONE) add(b.flag());
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new NodeMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignoredArgs) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServerConfig config = serverConfig();
        NodeServer server = NodeServer.start(config, System.out, System.err);
        Thread hook = new Thread(() -> closeQuietly(server), "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Throwable failure = server.awaitStop();
        if (failure == null) return 0;
        spec.commandLine().getErr().println("error: node " + id + " stopped: " + failure);
        return 1;
    }

    /** Validates the options into a configuration; every problem is a ParameterException (exit 2). */
    ServerConfig serverConfig() {
        require(id, "--id");
        require(peerPort, "--peer-port");
        require(clientPort, "--client-port");
        require(dataDir, "--data-dir");
        try {
            Map<Integer, InetSocketAddress> peerMap = PeerAddresses.parse("--peers", peers);
            TreeSet<Integer> members = new TreeSet<>(peerMap.keySet());
            members.add(id);
            peerMap.remove(id);
            long actualSeed = seed != null ? seed : new SecureRandom().nextLong();
            RaftConfig defaults = RaftConfig.defaults(id, List.copyOf(members));
            RaftConfig raft = new RaftConfig(id, defaults.members(), tickMs, heartbeatMs, electionMinMs,
                    electionMaxMs, rpcTimeoutMs, requestTimeoutMs, actualSeed, bug == null ? Bug.NONE : Bug.fromFlag(bug),
                    defaults.maxEntriesPerAppend(), defaults.maxInflightAppends());
            return new ServerConfig(raft, peerMap, new InetSocketAddress(bind, checkPort("--peer-port", peerPort)),
                    new InetSocketAddress(bind, checkPort("--client-port", clientPort)), dataDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void require(Object value, String option) {
        if (value == null) throw new ParameterException(spec.commandLine(), "Missing required option: '" + option + "'");
    }

    private static int checkPort(String option, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException(option + ": port " + port + " is outside 0..65535");
        return port;
    }

    private static void closeQuietly(NodeServer server) {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
