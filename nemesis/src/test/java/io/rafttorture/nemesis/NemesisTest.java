package io.rafttorture.nemesis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.sun.net.httpserver.HttpServer;
import io.rafttorture.nemesis.toxiproxy.ToxiproxyApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the nemesis guarantees when a step fails, against a scripted Toxiproxy on loopback and scripted Docker clients
 * (containers that die when killed and refuse to start again; a pause refused because the node is not running).
 */
class NemesisTest {
    private HttpServer toxiproxy;
    private final ConcurrentLinkedQueue<String> toxiproxyCalls = new ConcurrentLinkedQueue<>();
    private Nemesis nemesis;

    @BeforeEach
    void start() throws IOException {
        toxiproxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        toxiproxy.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            toxiproxyCalls.add(method + " " + exchange.getRequestURI().getPath());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            int status = method.equals("DELETE") ? 204 : 200;
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            if (status != 204) exchange.getResponseBody().write(body);
            exchange.close();
        });
        toxiproxy.start();
        nemesis = new Nemesis(handles(api(), deadAfterKillDocker()), line -> { });
    }

    private ToxiproxyApi api() {
        return new ToxiproxyApi(URI.create("http://127.0.0.1:" + toxiproxy.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        toxiproxy.stop(0);
    }

    @Test
    void healAll_removesTheToxicsEvenWhenARestartFails() {
        nemesis.network().cut(1, 2);
        nemesis.processes().kill(1);
        toxiproxyCalls.clear();

        assertThatThrownBy(nemesis::healAll).as("the failed restart is reported").hasMessageContaining("cannot start");
        assertThat(toxiproxyCalls).as("the blackhole of n1->n2 is removed nonetheless")
                .contains("DELETE /proxies/p1-2/toxics/blackhole-upstream", "DELETE /proxies/p2-1/toxics/blackhole-downstream");
        assertThat(nemesis.network().linksWith(NetworkNemesis.Kind.BLACKHOLE)).isEmpty();
    }

    @Test
    void pausingANodeThatIsNotRunning_failsAtOnceSayingSo() {
        DockerClient docker = docker(Map.of(
                "pauseContainerCmd", () -> {
                    throw new ConflictException("Container container-2 is not running");
                },
                "inspectContainerCmd", NemesisTest::notRunning));
        ProcessNemesis processes = new Nemesis(handles(api(), docker), line -> { }).processes();

        assertThatThrownBy(() -> processes.pause(2)).as("not a 30 s wait for a pause that cannot happen")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("n2").hasMessageContaining("not running");
        assertThat(processes.paused()).isEmpty();
    }

    private static ClusterHandles handles(ToxiproxyApi api, DockerClient docker) {
        return new ClusterHandles() {
            public List<Integer> nodeIds() { return List.of(1, 2); }
            public ToxiproxyApi toxiproxy() { return api; }
            public String peerProxy(int from, int to) { return "p" + from + "-" + to; }
            public String clientProxy(int node) { return "c" + node; }
            public DockerClient docker() { return docker; }
            public String containerId(int node) { return "container-" + node; }
        };
    }

    /** Kill succeeds and the container then reports itself not running; start fails as a broken engine would. */
    private static DockerClient deadAfterKillDocker() {
        return docker(Map.of(
                "killContainerCmd", () -> null,
                "inspectContainerCmd", NemesisTest::notRunning,
                "startContainerCmd", () -> {
                    throw new InternalServerErrorException("cannot start container-1");
                }));
    }

    /** A Docker client that answers only the commands named in {@code exec}, each by running its action. */
    private static DockerClient docker(Map<String, Supplier<Object>> exec) {
        return (DockerClient) Proxy.newProxyInstance(NemesisTest.class.getClassLoader(), new Class<?>[] {DockerClient.class},
                (client, method, args) -> {
                    Supplier<Object> action = exec.get(method.getName());
                    if (action == null) throw new UnsupportedOperationException(method.getName());
                    return command(method.getReturnType(), action);
                });
    }

    /** A docker-java command whose withX options return itself and whose exec() runs {@code action}. */
    private static Object command(Class<?> type, Supplier<Object> action) {
        return Proxy.newProxyInstance(NemesisTest.class.getClassLoader(), new Class<?>[] {type}, (cmd, method, args) ->
                switch (method.getName()) {
                    case "exec" -> action.get();
                    case "close" -> null;
                    default -> method.getName().startsWith("with") ? cmd : null;
                });
    }

    private static InspectContainerResponse notRunning() {
        try {
            return new ObjectMapper().readValue("{\"State\":{\"Running\":false,\"Paused\":false}}", InspectContainerResponse.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
