package io.rafttorture.node.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options: exit status 2 and a message naming the problem, never a stack trace. */
class NodeMainOptionsTest {
    private record Outcome(int exit, String out, String err) {}

    private static Outcome run(String commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NodeMain.run(commandLine.isBlank() ? new String[0] : commandLine.split(" "),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String OK = "--id 1 --peer-port 7001 --client-port 8001 --data-dir /tmp/x";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                                              | Missing required option: '--id'",
            "--id 1 --client-port 2 --data-dir d                              | Missing required option: '--peer-port'",
            "--id 1 --peer-port 2 --data-dir d                                | Missing required option: '--client-port'",
            "--id 1 --peer-port 2 --client-port 3                             | Missing required option: '--data-dir'",
            "--id x " + "--peer-port 2 --client-port 3 --data-dir d            | --id",
            "--id 9 --peer-port 2 --client-port 3 --data-dir d                | outside 1..8",
            "--id 1 --peers 2=nohost --peer-port 2 --client-port 3 --data-dir d   | --peers: 'nohost' is not HOST:PORT",
            "--id 1 --peers two=h:1 --peer-port 2 --client-port 3 --data-dir d    | --peers: 'two' in 'two=h:1' is not a number",
            "--id 1 --peers 2=h:1,2=h:2 --peer-port 2 --client-port 3 --data-dir d | node id 2 is listed twice",
            "--id 1 --peers 2=h:99999 --peer-port 2 --client-port 3 --data-dir d  | port 99999 in 'h:99999' is outside 1..65535",
            "--id 1 --peer-port 70000 --client-port 3 --data-dir d            | --peer-port: port 70000 is outside 0..65535",
            "--id 1 --peer-port 2 --client-port 3 --data-dir d --bug nope     | unknown bug 'nope'",
            "--id 1 --peer-port 2 --client-port 3 --data-dir d --heartbeat-ms 500 | electionMinMs (150) must be greater than heartbeatMs (500)",
            "--id 1 --peer-port 2 --client-port 3 --data-dir d --frobnicate   | Unknown option: '--frobnicate'",
            "client read k                                                    | Missing required option: '--node=HOST:PORT'",
            "client --node h:1                                                | Missing required subcommand",
            "client --node nohost read k                                      | --node: 'nohost' is not HOST:PORT",
            "client --node h:1 cas k old                                      | Missing required parameter: 'NEW'",
    })
    void badOptionsExitWithStatus2AndAMessage(String commandLine, String message) {
        Outcome o = run(commandLine.trim());
        assertThat(o.exit).as("exit status; stderr was: %s", o.err).isEqualTo(2);
        assertThat(o.err).contains("error: ").contains(message.trim()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpExitsZeroAndListsTheOptions() {
        Outcome o = run("--help");
        assertThat(o.exit).isZero();
        assertThat(o.out).contains("--peers", "--data-dir", "--bug", "client", "bench");
    }

    @Test
    void clientReportsNotSentWithExit1WhenNothingListens() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Outcome o = run("client --node 127.0.0.1:" + port + " --timeout-ms 500 read k");
        assertThat(o.exit).isEqualTo(1);
        assertThat(o.out).startsWith("{\"status\":\"NOT_SENT\"");
    }

    @Test
    void validOptionsBuildTheConfiguration() {
        NodeMain main = new NodeMain();
        picocli.CommandLine cli = new picocli.CommandLine(main);
        cli.parseArgs((OK + " --peers 1=a:1,2=b:2,3=c:3 --heartbeat-ms 20 --bug early-ack --seed 7").split(" "));
        var config = main.serverConfig();
        assertThat(config.raft().members()).containsExactly(1, 2, 3);
        assertThat(config.peers()).as("own entry ignored").containsOnlyKeys(2, 3);
        assertThat(config.peers().get(3).getHostString()).isEqualTo("c");
        assertThat(config.raft().heartbeatMs()).isEqualTo(20);
        assertThat(config.raft().seed()).isEqualTo(7);
        assertThat(config.raft().bug().flag()).isEqualTo("early-ack");
        assertThat(config.peerBind().getPort()).isEqualTo(7001);
    }
}
