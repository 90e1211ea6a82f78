package io.rafttorture.node.transport;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.replica.Event;
import io.rafttorture.node.wire.Codec;
import io.rafttorture.node.wire.Frame;
import io.rafttorture.node.wire.FrameReader;
import io.rafttorture.node.wire.FrameWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClientListenerTest {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    // Echoes every request back as OK with its key as value: enough to test routing by connection.
    private final ClientListener listener = new ClientListener(new InetSocketAddress("127.0.0.1", 0),
            call -> call.connection().reply(new ClientResponse(call.request().clientId(), call.request().seq(),
                    ClientResponse.Status.OK, call.request().key(), 0, null)), events::add).start();

    ClientListenerTest() throws IOException {}

    @AfterEach
    void close() {
        listener.close();
    }

    private static ClientResponse roundTrip(Socket s, ClientRequest q) throws IOException {
        FrameWriter w = new FrameWriter(s.getOutputStream());
        w.write(Codec.encode(q));
        w.flush();
        return Codec.decodeClientResponse(new FrameReader(s.getInputStream(), Frame.MAX_CLIENT_FRAME).read());
    }

    @Test
    void repliesOnTheConnectionTheRequestCameFrom() throws IOException {
        try (Socket a = new Socket("127.0.0.1", listener.port()); Socket b = new Socket("127.0.0.1", listener.port())) {
            assertThat(roundTrip(a, ClientRequest.read(1, 1, "from-a")).value()).isEqualTo("from-a");
            assertThat(roundTrip(b, ClientRequest.read(2, 1, "from-b")).value()).isEqualTo("from-b");
        }
    }

    @Test
    void oversizedClientFrameClosesOnlyThatConnection() throws IOException {
        try (Socket good = new Socket("127.0.0.1", listener.port()); Socket bad = new Socket("127.0.0.1", listener.port())) {
            String big = "x".repeat(Frame.MAX_CLIENT_FRAME);
            FrameWriter w = new FrameWriter(bad.getOutputStream());
            w.write(Codec.encode(ClientRequest.write(3, 1, "k", big)));
            try {
                w.flush();
                await().atMost(Duration.ofSeconds(10)).until(() -> bad.getInputStream().read() == -1);
            } catch (IOException resetWhileWriting) {
                // the server may close before it has read everything we wrote: also a closed connection
            }
            assertThat(roundTrip(good, ClientRequest.read(4, 1, "still-served")).value()).isEqualTo("still-served");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e.type().equals("protocol-error")
                && "OVERSIZED_FRAME".equals(e.fields().get("problem"))));
    }
}
