package io.rafttorture.workloads.generator;

/** A generator's answer: invoke an operation now, wait until a time, or stop. */
public sealed interface Next {
    /** Invoke {@code operation} now. */
    record Invoke(Invocation operation) implements Next {
    }

    /** Nothing before {@code untilNanos} (run time); ask again then. */
    record Pending(long untilNanos) implements Next {
    }

    /** Nothing more, ever. */
    record Done() implements Next {
    }

    Done DONE = new Done();
}
