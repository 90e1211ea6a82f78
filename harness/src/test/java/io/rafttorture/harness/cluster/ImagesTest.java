package io.rafttorture.harness.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ImagesTest {
    @TempDir
    Path dir;

    @Test
    void sameContentWithOtherTimestampsAndOrder_hashesTheSame() throws IOException {
        Path a = jar("a.jar", Map.of("A.class", "one", "B.class", "two"), 1_000);
        Path b = jar("b.jar", Map.of("B.class", "two", "A.class", "one"), 9_000_000);

        assertThat(Images.contentHash(a)).as("a rebuild of the same classes reuses the image").isEqualTo(Images.contentHash(b));
    }

    @Test
    void changedContent_hashesDifferently() throws IOException {
        Path a = jar("a.jar", Map.of("A.class", "one"), 1_000);
        Path b = jar("b.jar", Map.of("A.class", "uno"), 1_000);

        assertThat(Images.contentHash(a)).isNotEqualTo(Images.contentHash(b));
    }

    @Test
    void sameJarOnAnotherBase_getsAnotherTag() {
        String jar = "0".repeat(64);

        assertThat(Images.nodeTag(jar, "sha256:aaa")).as("a rebuilt JRE base must not leave the node on the old one")
                .isNotEqualTo(Images.nodeTag(jar, "sha256:bbb")).hasSize(16);
        assertThat(Images.nodeTag(jar, "sha256:aaa")).isEqualTo(Images.nodeTag(jar, "sha256:aaa"));
    }

    @Test
    void pruning_keepsImagesInUseAndTheNewestOthers() {
        var images = List.of(
                new Images.NodeImage("raft-torture/node:current", "sha256:c", 50),
                new Images.NodeImage("raft-torture/node:used-by-a-container", "sha256:u", 10),
                new Images.NodeImage("raft-torture/node:same-image-as-a-used-one", "sha256:u", 11),
                new Images.NodeImage("raft-torture/node:newest", "sha256:n1", 40),
                new Images.NodeImage("raft-torture/node:second-newest", "sha256:n2", 30),
                new Images.NodeImage("raft-torture/node:old", "sha256:o1", 20),
                new Images.NodeImage("raft-torture/node:oldest", "sha256:o2", 5));

        assertThat(Images.prunable(images, Set.of("raft-torture/node:current", "sha256:u"), 2))
                .as("everything but the images in use (by tag or id) and the 2 newest others")
                .containsExactly("raft-torture/node:old", "raft-torture/node:oldest");
    }

    @Test
    void pruning_nothingOld_removesNothing() {
        var images = List.of(new Images.NodeImage("raft-torture/node:current", "sha256:c", 50),
                new Images.NodeImage("raft-torture/node:previous", "sha256:p", 40));

        assertThat(Images.prunable(images, Set.of("raft-torture/node:current"), Images.KEEP_RECENT)).isEmpty();
    }

    private Path jar(String name, Map<String, String> entries, long mtime) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).descendingMap().entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.fromMillis(mtime));
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
