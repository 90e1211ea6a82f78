package io.rafttorture.node.wire;

import java.io.IOException;

/** A connection sent bytes that break the protocol. The receiver closes that connection; nothing else is affected. */
public final class ProtocolException extends IOException {
    /** What was wrong, for logs and tests. */
    public enum Problem {
        BAD_MAGIC, UNSUPPORTED_VERSION, UNKNOWN_FRAME_TYPE, OVERSIZED_FRAME, BAD_CHECKSUM, MALFORMED_BODY,
        UNEXPECTED_FRAME
    }

    private final Problem problem;

    public ProtocolException(Problem problem, String detail) {
        super(problem.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + detail);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
