package io.rafttorture.nemesis.toxiproxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Toxiproxy's REST API at a base URL such as {@code http://localhost:32771}. Every call is bounded (connect 2 s,
 * answer 30 s) and retried up to 3 times on I/O errors and 503; creates and deletes are idempotent (409 on create
 * means it exists, and a toxic that exists is updated to the settings asked for; 404 on delete means it is gone). Thread-safe. Throws {@link ToxiproxyException} when a call
 * still fails.
 */
public final class ToxiproxyApi {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;
    private static final int PARALLEL_CALLS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public ToxiproxyApi(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public URI base() {
        return base;
    }

    /** Creates a proxy listening on {@code listen} (e.g. "0.0.0.0:9012") that forwards to {@code upstream}. */
    public void createProxy(String name, String listen, String upstream) {
        var body = Map.of("name", name, "listen", listen, "upstream", upstream, "enabled", true);
        call("POST", "/proxies", body, Set.of(201, 409));
    }

    /** A proxy to create: its name, where it listens ("0.0.0.0:9012"), where it forwards ("n2:7000"). */
    public record ProxySpec(String name, String listen, String upstream) {
    }

    /**
     * Creates all proxies in one call (Toxiproxy's /populate): an existing proxy of the same name and settings is
     * kept, one with other settings is replaced.
     */
    public void populate(List<ProxySpec> proxies) {
        call("POST", "/populate", proxies, Set.of(201));
    }

    /** Enables or disables a proxy; disabled = its port is closed and its connections dropped. */
    public void setEnabled(String proxy, boolean enabled) {
        call("POST", "/proxies/" + proxy, Map.of("enabled", enabled), Set.of(200));
    }

    /**
     * Adds {@code toxic}; if one of that name is on the proxy already (409: added earlier, or by an attempt whose answer
     * was lost), updates its attributes and toxicity to these, so the toxic in force is always the one asked for.
     */
    public void addToxic(String proxy, Toxic toxic) {
        String toxics = "/proxies/" + proxy + "/toxics";
        if (send("POST", toxics, toxic, Set.of(200, 409)).statusCode() == 409) {
            call("POST", toxics + "/" + toxic.name(), toxic, Set.of(200));
        }
    }

    public void removeToxic(String proxy, String toxicName) {
        call("DELETE", "/proxies/" + proxy + "/toxics/" + toxicName, null, Set.of(204, 404));
    }

    /** A toxic on a named proxy, for the bulk calls. */
    public record Placement(String proxy, Toxic toxic) {
    }

    /** Adds all toxics, several calls at a time, so that a fault takes hold on every link at nearly once. */
    public void addToxics(List<Placement> placements) {
        inParallel(placements, p -> addToxic(p.proxy(), p.toxic()));
    }

    /** Removes all toxics (by proxy and toxic name), several calls at a time. */
    public void removeToxics(List<Placement> placements) {
        inParallel(placements, p -> removeToxic(p.proxy(), p.toxic().name()));
    }

    private static void inParallel(List<Placement> placements, Consumer<Placement> call) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_CALLS, placements.size())));
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (Placement p : placements) calls.add(pool.submit(() -> call.accept(p)));
            for (Future<?> f : calls) f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ToxiproxyException t ? t : new ToxiproxyException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToxiproxyException("interrupted while changing toxics", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every proxy with its toxics, by name. */
    public List<ProxyState> proxies() {
        String body = call("GET", "/proxies", null, Set.of(200));
        try {
            Map<String, ProxyState> byName = JSON.readValue(body, new TypeReference<Map<String, ProxyState>>() { });
            List<ProxyState> proxies = new ArrayList<>(byName.values());
            proxies.sort(Comparator.comparing(ProxyState::name));
            return proxies;
        } catch (JsonProcessingException e) {
            throw new ToxiproxyException("GET " + base + "/proxies: unreadable answer: " + body, e);
        }
    }

    /** Removes every toxic and enables every proxy. */
    public void reset() {
        call("POST", "/reset", null, Set.of(204));
    }

    private String call(String method, String path, Object body, Set<Integer> accepted) {
        return send(method, path, body, accepted).body();
    }

    private HttpResponse<String> send(String method, String path, Object body, Set<Integer> accepted) {
        HttpRequest request = request(method, path, body);
        String what = method + " " + base + path;
        ToxiproxyException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (accepted.contains(response.statusCode())) return response;
                last = new ToxiproxyException(what + " answered " + response.statusCode() + ": " + response.body(), null);
                if (response.statusCode() != 503) throw last;
            } catch (IOException e) {
                last = new ToxiproxyException(what + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToxiproxyException(what + " interrupted", e);
            }
            backOff(attempt);
        }
        throw last;
    }

    private HttpRequest request(String method, String path, Object body) {
        try {
            var publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json").method(method, publisher).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + body, e);
        }
    }

    // A retry pause, not synchronisation: gives a busy Toxiproxy a moment before the same idempotent call.
    private static void backOff(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
