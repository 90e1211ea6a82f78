package io.rafttorture.node.wire;

/** The u8 that follows a frame's length. Codes are part of the protocol: never renumber. */
public enum FrameType {
    HANDSHAKE(1),
    REQUEST_VOTE(2),
    REQUEST_VOTE_RESPONSE(3),
    APPEND_ENTRIES(4),
    APPEND_ENTRIES_RESPONSE(5),
    CLIENT_REQUEST(16),
    CLIENT_RESPONSE(17);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FrameType fromCode(int code) throws ProtocolException {
        for (FrameType t : values()) if (t.code == code) return t;
        throw new ProtocolException(ProtocolException.Problem.UNKNOWN_FRAME_TYPE, "frame type " + code);
    }
}
