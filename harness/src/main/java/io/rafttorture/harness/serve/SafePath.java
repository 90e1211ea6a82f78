package io.rafttorture.harness.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps a request path to a file of the results directory, or to the reason it may not be served. Rules: a path
 * segment ".." or ".", an empty segment ("//"), a backslash, a NUL or a drive letter is refused (404, as if it did not
 * exist); a path that exists but whose real location (symbolic links followed) lies outside the results directory
 * is forbidden (403). The {@code latest} links point inside the results directory and are served.
 */
final class SafePath {
    /** A resolved request: {@code file} present with status 200, or absent with 403/404 and a message. */
    record Resolution(Optional<Path> file, int status, String message) {
        static Resolution found(Path file) {
            return new Resolution(Optional.of(file), 200, "");
        }

        static Resolution refused(int status, String message) {
            return new Resolution(Optional.empty(), status, message);
        }
    }

    private final Path realRoot;

    /** {@code root} must exist; its real path (links followed) is the boundary. */
    SafePath(Path root) throws IOException {
        this.realRoot = root.toRealPath();
    }

    Path root() {
        return realRoot;
    }

    /** {@code decoded} is the URL path after percent-decoding, e.g. "/kv-none/20260101-120000/history.jsonl". */
    Resolution resolve(String decoded) {
        String relative = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        if (relative.endsWith("/")) relative = relative.substring(0, relative.length() - 1);
        if (relative.isEmpty()) return Resolution.found(realRoot);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".") || segment.contains("\\")
                    || segment.indexOf('\0') >= 0 || segment.contains(":")) {
                return Resolution.refused(404, "no such file: " + decoded);
            }
        }
        Path candidate;
        try {
            candidate = realRoot.resolve(relative);
        } catch (InvalidPathException e) {
            return Resolution.refused(404, "no such file: " + decoded);
        }
        if (!Files.exists(candidate)) return Resolution.refused(404, "no such file: " + decoded);
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Resolution.refused(403, "forbidden: " + decoded + " leads outside the results directory");
            }
            return Resolution.found(real);
        } catch (IOException e) {
            return Resolution.refused(404, "no such file: " + decoded);
        }
    }
}
