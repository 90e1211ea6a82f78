package io.rafttorture.node.wire;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.Message;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MalformedFrameTest {

    private static byte[] bytesOf(Frame frame) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(out);
        w.write(frame);
        w.flush();
        return out.toByteArray();
    }

    /** A header with a valid header checksum, announcing {@code length} bytes of type + body. */
    private static byte[] header(int length, int typeCode) {
        ByteBuffer h = ByteBuffer.allocate(9).putInt(length).put((byte) typeCode);
        CRC32C crc = new CRC32C();
        crc.update(h.array(), 0, 5);
        return h.putInt((int) crc.getValue()).array();
    }

    /** A frame with valid checksums around an arbitrary type code and body. */
    private static byte[] rawFrame(int typeCode, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(typeCode);
        crc.update(body);
        return ByteBuffer.allocate(9 + body.length + 4).put(header(1 + body.length, typeCode)).put(body)
                .putInt((int) crc.getValue()).array();
    }

    private static Frame read(byte[] bytes, int max) throws IOException {
        return new FrameReader(new ByteArrayInputStream(bytes), max).read();
    }

    private static ProtocolException.Problem problemOf(ThrowingRead r) {
        try {
            r.run();
        } catch (ProtocolException e) {
            return e.problem();
        } catch (IOException e) {
            throw new AssertionError("expected a ProtocolException, got " + e, e);
        }
        throw new AssertionError("expected a ProtocolException, got none");
    }

    private interface ThrowingRead {
        void run() throws IOException;
    }

    @Test
    void oversizedFrameIsRefusedBeforeReadingItsBody() {
        byte[] big = header(Frame.MAX_CLIENT_FRAME + 1, 16); // no body follows: refusing must not wait for one
        assertThat(problemOf(() -> read(big, Frame.MAX_CLIENT_FRAME))).isEqualTo(ProtocolException.Problem.OVERSIZED_FRAME);
        assertThat(problemOf(() -> read(header(-1, 16), Frame.MAX_PEER_FRAME))).isEqualTo(ProtocolException.Problem.OVERSIZED_FRAME);
        assertThat(problemOf(() -> read(header(0, 16), Frame.MAX_PEER_FRAME))).isEqualTo(ProtocolException.Problem.OVERSIZED_FRAME);
    }

    @Test
    void unknownFrameTypeIsRefused() {
        assertThat(problemOf(() -> read(rawFrame(99, new byte[3]), Frame.MAX_PEER_FRAME)))
                .isEqualTo(ProtocolException.Problem.UNKNOWN_FRAME_TYPE);
    }

    @Test
    void everyFlippedBitIsCaughtByAChecksum() throws IOException {
        byte[] good = bytesOf(Codec.encode(new Message.RequestVote(1, 2, 3, 4, 5)));
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                assertThat(problemOf(() -> read(bad, Frame.MAX_PEER_FRAME))).as("byte %d bit %d", i, bit)
                        .isEqualTo(ProtocolException.Problem.BAD_CHECKSUM);
            }
        }
    }

    @Test
    void aStreamThatLostBytesFailsAtTheNextHeaderWithoutWaitingForItsLength() throws IOException {
        byte[] frames = bytesOf(Codec.encode(new Message.AppendEntries(1, 2, 3, 4, 5,
                List.of(new Entry(5, 3, Entry.COMMAND, new byte[300])), 4, 9)));
        for (int lost = 1; lost < frames.length; lost++) {
            byte[] rest = Arrays.copyOfRange(frames, lost, frames.length); // what a proxy might deliver after a drop
            if (rest.length < 9) continue; // too short to hold a header: an EOF, tested elsewhere
            assertThat(problemOf(() -> read(rest, Frame.MAX_PEER_FRAME))).as("after losing %d bytes", lost)
                    .isEqualTo(ProtocolException.Problem.BAD_CHECKSUM);
        }
    }

    @Test
    void garbageIsAProtocolErrorOrEndOfStreamNeverAValue() {
        byte[] garbage = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
        assertThat(problemOf(() -> read(garbage, Frame.MAX_PEER_FRAME))).isEqualTo(ProtocolException.Problem.BAD_CHECKSUM);
        assertThatThrownBy(() -> read(new byte[] {0, 0, 0, 9, 2, 1}, Frame.MAX_PEER_FRAME)).isInstanceOf(EOFException.class);
        byte[] torn = Arrays.copyOf(rawFrame(2, new byte[20]), 15);
        assertThatThrownBy(() -> read(torn, Frame.MAX_PEER_FRAME)).isInstanceOf(EOFException.class);
    }

    @Test
    void badMagicVersionOrAddresseeInHandshakeIsRefused() {
        byte[] body = new Handshake(1, 2).toFrame().body();
        byte[] badMagic = body.clone();
        badMagic[0] = 'X';
        assertThat(problemOf(() -> Handshake.fromFrame(new Frame(FrameType.HANDSHAKE, badMagic), 2)))
                .isEqualTo(ProtocolException.Problem.BAD_MAGIC);
        byte[] badVersion = body.clone();
        badVersion[5] = 7;
        assertThat(problemOf(() -> Handshake.fromFrame(new Frame(FrameType.HANDSHAKE, badVersion), 2)))
                .isEqualTo(ProtocolException.Problem.UNSUPPORTED_VERSION);
        assertThat(problemOf(() -> Handshake.fromFrame(new Handshake(1, 3).toFrame(), 2)))
                .isEqualTo(ProtocolException.Problem.MALFORMED_BODY);
        assertThat(problemOf(() -> Handshake.fromFrame(Codec.encode(new Message.RequestVote(1, 2, 3, 4, 5)), 2)))
                .isEqualTo(ProtocolException.Problem.UNEXPECTED_FRAME);
    }

    @Test
    void truncatedOrPaddedBodiesAreMalformed() {
        Frame append = Codec.encode(new Message.AppendEntries(1, 2, 3, 4, 5,
                List.of(new Entry(5, 3, Entry.COMMAND, new byte[] {1, 2, 3})), 4, 9));
        for (int cut = 0; cut < append.body().length; cut++) {
            Frame shorter = new Frame(append.type(), Arrays.copyOf(append.body(), cut));
            assertThat(problemOf(() -> Codec.decodeMessage(shorter))).as("cut at %d", cut)
                    .isEqualTo(ProtocolException.Problem.MALFORMED_BODY);
        }
        Frame longer = new Frame(append.type(), Arrays.copyOf(append.body(), append.body().length + 1));
        assertThat(problemOf(() -> Codec.decodeMessage(longer))).isEqualTo(ProtocolException.Problem.MALFORMED_BODY);
    }

    @Test
    void hugeEntryCountOrBadEnumCodesAreMalformed() {
        byte[] body = Codec.encode(new Message.AppendEntries(1, 2, 3, 4, 5, List.of(), 4, 9)).body();
        ByteBuffer.wrap(body).putInt(body.length - 4, Integer.MAX_VALUE);
        assertThat(problemOf(() -> Codec.decodeMessage(new Frame(FrameType.APPEND_ENTRIES, body))))
                .isEqualTo(ProtocolException.Problem.MALFORMED_BODY);

        byte[] request = Codec.encode(ClientRequest.read(1, 1, "k")).body();
        request[16] = 42; // op code
        assertThat(problemOf(() -> Codec.decodeClientRequest(new Frame(FrameType.CLIENT_REQUEST, request))))
                .isEqualTo(ProtocolException.Problem.MALFORMED_BODY);

        byte[] response = Codec.encode(new ClientResponse(1, 1, ClientResponse.Status.OK, null, 0, null)).body();
        response[16] = 42; // status code
        assertThat(problemOf(() -> Codec.decodeClientResponse(new Frame(FrameType.CLIENT_RESPONSE, response))))
                .isEqualTo(ProtocolException.Problem.MALFORMED_BODY);

        byte[] vote = Codec.encode(new Message.RequestVoteResponse(1, 2, 3, 3, true)).body();
        vote[vote.length - 1] = 2; // granted must be 0 or 1
        assertThat(problemOf(() -> Codec.decodeMessage(new Frame(FrameType.REQUEST_VOTE_RESPONSE, vote))))
                .isEqualTo(ProtocolException.Problem.MALFORMED_BODY);
    }

    @Test
    void invalidUtf8AndClientFramesOnPeerDecoderAreRefused() {
        byte[] body = ByteBuffer.allocate(8 + 8 + 1 + 4 + 2 + 4 + 4).putLong(1).putLong(1).put((byte) 1)
                .putInt(2).put((byte) 0xC3).put((byte) 0x28).putInt(-1).putInt(-1).array();
        assertThat(problemOf(() -> Codec.decodeClientRequest(new Frame(FrameType.CLIENT_REQUEST, body))))
                .isEqualTo(ProtocolException.Problem.MALFORMED_BODY);
        assertThat(problemOf(() -> Codec.decodeMessage(Codec.encode(ClientRequest.read(1, 1, "k")))))
                .isEqualTo(ProtocolException.Problem.UNEXPECTED_FRAME);
    }

    /** The numeric codes are protocol: this pins them to what PROTOCOL.md documents. */
    @Test
    void enumCodesMatchTheProtocolDocument() {
        assertThat(ClientRequest.Op.values()).containsExactly(ClientRequest.Op.READ, ClientRequest.Op.WRITE,
                ClientRequest.Op.CAS, ClientRequest.Op.STATUS);
        assertThat(ClientResponse.Status.values()).containsExactly(ClientResponse.Status.OK,
                ClientResponse.Status.CAS_MISMATCH, ClientResponse.Status.NOT_LEADER, ClientResponse.Status.UNAVAILABLE,
                ClientResponse.Status.BAD_REQUEST, ClientResponse.Status.TIMEOUT);
        assertThat(Arrays.stream(FrameType.values()).mapToInt(FrameType::code)).containsExactly(1, 2, 3, 4, 5, 16, 17);
    }
}
