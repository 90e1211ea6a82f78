package io.rafttorture.nemesis.toxiproxy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's idempotency and retry rules against a scripted HTTP server on loopback. */
class ToxiproxyApiTest {
    private HttpServer server;
    private ToxiproxyApi api;
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        api = new ToxiproxyApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(String path, int... statuses) {
        AtomicInteger calls = new AtomicInteger();
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            byte[] body = (status == 200 && exchange.getRequestMethod().equals("GET")
                    ? "{\"p1-2\":{\"name\":\"p1-2\",\"listen\":\"[::]:9012\",\"upstream\":\"n2:7000\",\"enabled\":false,"
                    + "\"toxics\":[{\"name\":\"blackhole-upstream\",\"type\":\"timeout\",\"stream\":\"upstream\","
                    + "\"toxicity\":1,\"attributes\":{\"timeout\":0}}]}}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            if (status != 204) exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Test
    void creatingWhatExists_andDeletingWhatIsGone_succeed() {
        answer("/proxies/p1-2/toxics", 409);
        answer("/proxies/p1-2/toxics/blackhole-upstream", 200, 404);

        api.addToxic("p1-2", new Toxic("blackhole-upstream", "timeout", "upstream", 1.0, Map.of("timeout", 0)));
        api.removeToxic("p1-2", "blackhole-upstream");

        assertThat(requests).as("create (409), update, delete (404)").hasSize(3).first().asString()
                .contains("POST /proxies/p1-2/toxics").contains("\"type\":\"timeout\"").contains("\"timeout\":0");
    }

    @Test
    void addingAToxicThatExists_updatesItToTheSettingsAskedFor() {
        answer("/proxies/p1-2/toxics", 409);
        answer("/proxies/p1-2/toxics/latency-upstream", 200);

        api.addToxic("p1-2", new Toxic("latency-upstream", "latency", "upstream", 1.0, Map.of("latency", 50)));

        assertThat(requests).as("the 409 is followed by an update of the existing toxic").hasSize(2).last().asString()
                .startsWith("POST /proxies/p1-2/toxics/latency-upstream ").contains("\"latency\":50");
    }

    @Test
    void unavailable_isRetried() {
        answer("/proxies/p1-2/toxics", 503, 200);

        api.addToxic("p1-2", new Toxic("latency-upstream", "latency", "upstream", 1.0, Map.of("latency", 200)));

        assertThat(requests).as("one retry after 503").hasSize(2);
    }

    @Test
    void otherErrors_failAtOnceNamingTheCallAndAnswer() {
        answer("/proxies/p1-2/toxics", 400);

        assertThatThrownBy(() -> api.addToxic("p1-2", new Toxic("x", "bogus", "upstream", 1.0, Map.of())))
                .isInstanceOf(ToxiproxyException.class).hasMessageContaining("POST").hasMessageContaining("/proxies/p1-2/toxics")
                .hasMessageContaining("400");
        assertThat(requests).as("no retry of a rejected request").hasSize(1);
    }

    @Test
    void proxies_areReadWithToxicsAndEnabledState() {
        answer("/proxies", 200);

        List<ProxyState> proxies = api.proxies();

        assertThat(proxies).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("p1-2");
            assertThat(p.enabled()).isFalse();
            assertThat(p.toxics()).extracting(Toxic::name).containsExactly("blackhole-upstream");
        });
    }

    @Test
    void unreachableToxiproxy_failsAfterBoundedRetries() {
        server.stop(0);

        assertThatThrownBy(api::proxies).isInstanceOf(ToxiproxyException.class).hasMessageContaining("GET");
    }
}
