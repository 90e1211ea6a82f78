package io.rafttorture.node.kv;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTest {

    /** Seeded, so it is the same on every run: random ids, odd Unicode, empty and long strings, nulls. */
    @Test
    void everyWriteAndCasRoundTrips() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            long clientId = random.nextLong();
            long seq = random.nextLong();
            ClientRequest r = random.nextBoolean()
                    ? ClientRequest.cas(clientId, seq, text(random), text(random), text(random))
                    : ClientRequest.write(clientId, seq, text(random), text(random));
            assertThat(Command.decode(Command.encode(r))).as(r.toString()).isEqualTo(r);
        }
    }

    private static String text(Random random) {
        if (random.nextInt(10) == 0) return null;
        int length = random.nextInt(10) == 0 ? 5000 : random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            b.appendCodePoint(kind == 0 ? 0x1F600 + random.nextInt(50) : kind == 1 ? random.nextInt(0x800)
                    : 'a' + random.nextInt(26));
        }
        return b.toString();
    }

    @Test
    void nullsSurviveTheRoundTrip() {
        ClientRequest r = ClientRequest.cas(1, 2, "k", null, null);
        assertThat(Command.decode(Command.encode(r))).isEqualTo(r);
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        byte[] b = Command.encode(ClientRequest.write(1, 2, "k", "v"));
        assertThat(b).hasSize(2 + 8 + 8 + (4 + 1) + (4 + 1) + 4);
        assertThat(b[0]).isEqualTo(Command.VERSION);
        assertThat(b[1]).isEqualTo(Command.OP_WRITE);
        assertThat(Arrays.copyOfRange(b, b.length - 4, b.length)).containsExactly(-1, -1, -1, -1);
    }

    @Test
    void whenBytesAreBad_thenTheErrorNamesTheOffset() {
        byte[] good = Command.encode(ClientRequest.write(1, 2, "k", "v"));
        assertThatThrownBy(() -> Command.decode(Arrays.copyOf(good, 10))).hasMessageContaining("truncated");
        byte[] badOp = good.clone();
        badOp[1] = 9;
        assertThatThrownBy(() -> Command.decode(badOp)).hasMessageContaining("byte 1").hasMessageContaining("op 9");
        byte[] longer = Arrays.copyOf(good, good.length + 2);
        assertThatThrownBy(() -> Command.decode(longer)).hasMessageContaining("2 trailing bytes");
        assertThatThrownBy(() -> Command.encode(ClientRequest.read(1, 1, "k"))).hasMessageContaining("READ");
    }
}
