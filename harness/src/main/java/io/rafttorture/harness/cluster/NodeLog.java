package io.rafttorture.harness.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Follows one node container's output into files: stdout (the node's JSON event lines) to {@code n<id>.log}, stderr
 * to {@code n<id>.stderr.log}, appending across restarts. Each stdout line also goes to a listener. A container's
 * output stream ends when it dies; {@link #follow()} re-attaches after a restart and skips what was already
 * written, using Docker's per-line timestamps.
 *
 * <p>Each file stops growing at {@code maxBytes} ({@link CappedLog}) and then ends with one marker line: for
 * {@code n<id>.log} a JSON event {@code {"ts":...,"node":id,"type":"log-capped","capBytes":N,"message":...}} (so that
 * readers of event lines keep parsing), for the stderr log a plain line. The listener still receives every stdout
 * line after the cap: leader tracking must not go blind because a log is full.
 */
final class NodeLog implements Closeable {
    private static final System.Logger LOG = System.getLogger(NodeLog.class.getName());
    private final DockerClient docker;
    private final int node;
    private final String containerId;
    private final CappedLog stdout;
    private final CappedLog stderr;
    private final NodeEventListener listener;
    private Closeable attachment;
    private Instant lastWritten = Instant.EPOCH;
    private Instant skipUntil = Instant.EPOCH;
    private final StringBuilder pendingStdout = new StringBuilder();
    private final StringBuilder pendingStderr = new StringBuilder();

    /** {@code maxBytes}: the cap of each of the two files (at least 1). */
    NodeLog(DockerClient docker, int node, String containerId, Path dir, NodeEventListener listener, long maxBytes) {
        this.docker = docker;
        this.node = node;
        this.containerId = containerId;
        this.listener = listener;
        this.stdout = new CappedLog(dir.resolve(eventsFile(node)), maxBytes, cap -> eventsMarker(node, cap));
        this.stderr = new CappedLog(dir.resolve(stderrFile(node)), maxBytes,
                cap -> "[raft-torture] " + stderrFile(node) + " capped at " + cap + " bytes; later lines were dropped");
    }

    static String eventsFile(int node) {
        return "n" + node + ".log";
    }

    static String stderrFile(int node) {
        return "n" + node + ".stderr.log";
    }

    /** The last line of a capped n&lt;id&gt;.log: an event like the node's own, so parsers of the log keep working. */
    static String eventsMarker(int node, long cap) {
        return "{\"ts\":" + System.currentTimeMillis() + ",\"node\":" + node + ",\"type\":\"log-capped\",\"capBytes\":"
                + cap + ",\"message\":\"" + eventsFile(node) + " capped at " + cap
                + " bytes; later lines were dropped\"}";
    }

    /** Attaches to the container's output, from the first line not yet written. */
    synchronized void follow() {
        detach();
        skipUntil = lastWritten;
        // A line cut off when the old stream ended is replayed whole: Docker resends everything since lastWritten.
        pendingStdout.setLength(0);
        pendingStderr.setLength(0);
        var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                .withFollowStream(true).withTimestamps(true);
        if (!lastWritten.equals(Instant.EPOCH)) cmd.withSince((int) lastWritten.getEpochSecond());
        attachment = cmd.exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                accept(frame);
            }
        });
    }

    /**
     * A frame is not a line: docker-java may cut one log line across frames, and only the first part carries the
     * timestamp. Text is buffered per stream until its newline arrives.
     */
    private synchronized void accept(Frame frame) {
        boolean isStdout = frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW;
        StringBuilder pending = isStdout ? pendingStdout : pendingStderr;
        pending.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
        for (int newline = pending.indexOf("\n"); newline >= 0; newline = pending.indexOf("\n")) {
            String stamped = pending.substring(0, newline);
            pending.delete(0, newline + 1);
            acceptLine(stamped, isStdout);
        }
    }

    private void acceptLine(String stamped, boolean isStdout) {
        int space = stamped.indexOf(' ');
        Instant at = parse(space < 0 ? stamped : stamped.substring(0, space));
        if (at == null || !at.isAfter(skipUntil)) return;
        String line = stamped.substring(space + 1);
        lastWritten = at;
        try {
            (isStdout ? stdout : stderr).append(line);
        } finally {
            if (isStdout) listener.onLine(node, line); // also past the cap, and if the disk fails
        }
    }

    private static Instant parse(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void detach() {
        if (attachment == null) return;
        try {
            attachment.close();
        } catch (IOException ignored) {
            // the stream is gone already
        }
        attachment = null;
    }

    /** Stops following and closes the files; never throws (a failure is logged), so a cluster's clean-up goes on. */
    @Override
    public synchronized void close() {
        detach();
        for (CappedLog out : List.of(stdout, stderr)) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "node " + node + "'s log may be incomplete: " + e);
            }
        }
    }
}
