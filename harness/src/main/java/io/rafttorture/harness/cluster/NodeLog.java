package io.rafttorture.harness.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Follows one node container's output into files: stdout (the node's JSON event lines) to {@code n<id>.log}, stderr
 * to {@code n<id>.stderr.log}, appending across restarts. Each stdout line also goes to a listener. A container's
 * output stream ends when it dies; {@link #follow()} re-attaches after a restart and skips what was already
 * written, using Docker's per-line timestamps.
 */
final class NodeLog implements Closeable {
    private static final System.Logger LOG = System.getLogger(NodeLog.class.getName());
    private final DockerClient docker;
    private final int node;
    private final String containerId;
    private final BufferedWriter stdout;
    private final BufferedWriter stderr;
    private final NodeEventListener listener;
    private Closeable attachment;
    private Instant lastWritten = Instant.EPOCH;
    private Instant skipUntil = Instant.EPOCH;

    NodeLog(DockerClient docker, int node, String containerId, Path dir, NodeEventListener listener) {
        this.docker = docker;
        this.node = node;
        this.containerId = containerId;
        this.listener = listener;
        this.stdout = open(dir.resolve("n" + node + ".log"));
        this.stderr = open(dir.resolve("n" + node + ".stderr.log"));
    }

    /** Attaches to the container's output, from the first line not yet written. */
    synchronized void follow() {
        detach();
        skipUntil = lastWritten;
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

    private synchronized void accept(Frame frame) {
        String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
        for (String stamped : text.split("\n")) {
            int space = stamped.indexOf(' ');
            Instant at = parse(space < 0 ? stamped : stamped.substring(0, space));
            if (at == null || !at.isAfter(skipUntil)) continue;
            String line = stamped.substring(space + 1);
            lastWritten = at;
            boolean isStdout = frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW;
            write(isStdout ? stdout : stderr, line);
            if (isStdout) listener.onLine(node, line);
        }
    }

    private static Instant parse(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void write(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a node log line", e);
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
        for (BufferedWriter out : List.of(stdout, stderr)) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "node " + node + "'s log may be incomplete: " + e);
            }
        }
    }

    private static BufferedWriter open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }
}
