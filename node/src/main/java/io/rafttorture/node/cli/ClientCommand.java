package io.rafttorture.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.kv.ClientResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code client --node HOST:PORT (read K | write K V | cas K OLD NEW | status)}: sends one request and prints the
 * answer as one JSON line. Exit status: 0 OK; 1 certainly did not happen (a failure status, or could not connect);
 * 2 bad options; 3 indeterminate (TIMEOUT, or no answer).
 */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sends one request to a node and prints the answer as JSON.",
        subcommands = {ClientCommand.Read.class, ClientCommand.Write.class, ClientCommand.Cas.class,
                ClientCommand.Status.class})
final class ClientCommand {
    static final int EXIT_FAILED = 1;
    static final int EXIT_INDETERMINATE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT", description = "The node's client address.")
    String node;

    @Option(names = "--timeout-ms", defaultValue = "2000", description = "Connect and request timeout (default ${DEFAULT-VALUE}).")
    int timeoutMs;

    private interface Request {
        ClientResponse send(NodeClient client) throws NodeClientException;
    }

    int send(Request request) {
        return send(request, false);
    }

    int send(Request request, boolean valueIsJson) {
        InetSocketAddress address;
        try {
            address = PeerAddresses.hostPort("--node", node);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Duration timeout = Duration.ofMillis(timeoutMs);
        try (NodeClient client = NodeClient.lazy(address.getHostString(), address.getPort(), timeout, timeout)) {
            ClientResponse r = request.send(client);
            print(toJsonLine(r, valueIsJson));
            if (r.status() == ClientResponse.Status.OK) return 0;
            return r.status().isDefiniteFailure() ? EXIT_FAILED : EXIT_INDETERMINATE;
        } catch (NodeClientException e) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("status", e.isIndeterminate() ? "INDETERMINATE" : "NOT_SENT");
            line.put("message", e.getMessage());
            print(toJson(line));
            return e.isIndeterminate() ? EXIT_INDETERMINATE : EXIT_FAILED;
        }
    }

    /** The response as JSON; a STATUS answer's value (itself JSON) is embedded as an object, not a string. */
    private static String toJsonLine(ClientResponse r, boolean valueIsJson) {
        ObjectNode node = JSON.valueToTree(r);
        if (valueIsJson && r.value() != null) {
            try {
                node.set("value", JSON.readTree(r.value()));
            } catch (JsonProcessingException notJson) {
                // not JSON after all: keep it as a string
            }
        }
        return node.toString();
    }

    private void print(String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }

    private static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "read", description = "Linearizable read of KEY.")
    static final class Read implements Callable<Integer> {
        @ParentCommand
        ClientCommand parent;
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        public Integer call() {
            return parent.send(c -> c.read(key));
        }
    }

    @Command(name = "write", description = "Writes VALUE to KEY.")
    static final class Write implements Callable<Integer> {
        @ParentCommand
        ClientCommand parent;
        @Parameters(index = "0", paramLabel = "KEY")
        String key;
        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            return parent.send(c -> c.write(key, value));
        }
    }

    @Command(name = "cas", description = "Sets KEY to NEW if it holds OLD.")
    static final class Cas implements Callable<Integer> {
        @ParentCommand
        ClientCommand parent;
        @Parameters(index = "0", paramLabel = "KEY")
        String key;
        @Parameters(index = "1", paramLabel = "OLD")
        String expected;
        @Parameters(index = "2", paramLabel = "NEW")
        String value;

        @Override
        public Integer call() {
            return parent.send(c -> c.cas(key, expected, value));
        }
    }

    @Command(name = "status", description = "The node's Raft status.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        ClientCommand parent;

        @Override
        public Integer call() {
            return parent.send(NodeClient::status, true);
        }
    }
}
