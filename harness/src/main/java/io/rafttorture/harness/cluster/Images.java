package io.rafttorture.harness.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The images a cluster runs. Public images are preferred when present locally; otherwise the substitutes that
 * {@code scripts/docker-up.sh} builds without a registry. Neither is pulled here: a missing image is a clear error
 * telling the user to run docker-up.sh. The node image is built here from node.jar, tagged with a sha256 of the jar's
 * content and of the base image's id, so that it is rebuilt only when the jar's content (or its base) changed, and kept
 * after the run. Each build prunes older node images, except the newest {@value #KEEP_RECENT} and any that a
 * container or a live run's network ({@link Labels#NODE_IMAGE}) names.
 */
public final class Images {
    static final String NODE_REPOSITORY = "raft-torture/node";
    private static final List<String> JRE_BASES = List.of("eclipse-temurin:17-jre", "raft-torture/jre:17");
    private static final List<String> TOXIPROXIES = List.of("ghcr.io/shopify/toxiproxy:2.12.0", "raft-torture/toxiproxy:2.12.0");
    // Small heap, a fast-starting collector and JIT: 8 nodes plus Toxiproxy share 2 cores.
    private static final String JAVA_OPTIONS =
            "\"-Xmx96m\", \"-XX:+UseSerialGC\", \"-XX:TieredStopAtLevel=1\", \"-Xshare:auto\"";
    /** Older node images kept besides those in use, so that switching between recent builds rebuilds nothing. */
    static final int KEEP_RECENT = 2;

    private Images() {
    }

    /** The Toxiproxy image, declared a substitute for Shopify's so the Testcontainers module accepts it. */
    public static DockerImageName toxiproxy(DockerClient docker) {
        return DockerImageName.parse(firstPresent(docker, TOXIPROXIES)).asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy");
    }

    /**
     * The node image for {@code nodeJar}, built now unless an image for the same jar content and base exists. After a
     * build, older node images nobody uses are removed (see the class comment).
     */
    public static String node(DockerClient docker, Path nodeJar) {
        if (!Files.isRegularFile(nodeJar)) {
            throw new IllegalStateException("node jar not found at " + nodeJar
                    + ": build it with `mvn -B -q -DskipTests -pl node package`");
        }
        String base = firstPresent(docker, JRE_BASES);
        // The base's id is part of the tag: a JRE base rebuilt (e.g. with more modules) must not leave the node on the old one.
        String tag = NODE_REPOSITORY + ":" + nodeTag(contentHash(nodeJar), docker.inspectImageCmd(base).exec().getId());
        if (present(docker, tag)) return tag;
        String dockerfile = "FROM " + base + "\n"
                + "COPY node.jar /app/node.jar\n"
                + "LABEL " + Labels.PROJECT + ".image=node\n"
                + "ENTRYPOINT [\"java\", " + JAVA_OPTIONS + ", \"-jar\", \"/app/node.jar\"]\n";
        new ImageFromDockerfile(tag, false)
                .withFileFromPath("node.jar", nodeJar)
                .withFileFromString("Dockerfile", dockerfile)
                .get();
        pruneNodeImages(docker, tag);
        return tag;
    }

    /** The tag (16 hex digits) of the node image for a jar of content hash {@code jarHash} on base {@code baseImageId}. */
    static String nodeTag(String jarHash, String baseImageId) {
        return sha256(jarHash + "\n" + baseImageId).substring(0, 16);
    }

    /** A node image as {@code docker images} lists it: one tag, its image id, its creation time (epoch s). */
    record NodeImage(String tag, String id, long created) {
    }

    /**
     * The node images to remove: all but those named (by tag or id) in {@code inUse} and the {@code keepRecent}
     * newest of the rest. Pure, so the rule is tested without Docker.
     */
    static List<String> prunable(List<NodeImage> images, Set<String> inUse, int keepRecent) {
        return images.stream()
                .filter(image -> !inUse.contains(image.tag()) && !inUse.contains(image.id()))
                .sorted(Comparator.comparingLong(NodeImage::created).reversed().thenComparing(NodeImage::tag))
                .skip(keepRecent)
                .map(NodeImage::tag)
                .toList();
    }

    /**
     * Removes old node images (never forced: Docker refuses to delete one a container still uses). Kept: {@code
     * current}, every image a container of any state names, every image a project network names (a run that is
     * starting has its network before its containers), and the newest {@link #KEEP_RECENT} others.
     */
    private static void pruneNodeImages(DockerClient docker, String current) {
        Set<String> inUse = new HashSet<>(Set.of(current));
        for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
            inUse.add(c.getImage());
            inUse.add(c.getImageId());
        }
        for (Network n : Leftovers.networks(docker, Labels.PROJECT, "true")) {
            String named = n.getLabels() == null ? null : n.getLabels().get(Labels.NODE_IMAGE);
            if (named != null) inUse.add(named);
        }
        List<NodeImage> images = new ArrayList<>();
        for (Image image : docker.listImagesCmd().withReferenceFilter(NODE_REPOSITORY).exec()) {
            if (image.getRepoTags() == null) continue;
            for (String tag : image.getRepoTags()) {
                if (tag.startsWith(NODE_REPOSITORY + ":")) {
                    images.add(new NodeImage(tag, image.getId(), image.getCreated() == null ? 0 : image.getCreated()));
                }
            }
        }
        for (String tag : prunable(images, inUse, KEEP_RECENT)) {
            try {
                docker.removeImageCmd(tag).withForce(false).exec();
            } catch (DockerException goneOrUsed) {
                // removed by another run meanwhile (404) or still used by a container (409): keep going, pruning is tidying
            }
        }
    }

    private static String firstPresent(DockerClient docker, List<String> candidates) {
        return candidates.stream().filter(image -> present(docker, image)).findFirst()
                .orElseThrow(() -> new IllegalStateException("none of the images " + candidates
                        + " is present: run `bash scripts/docker-up.sh` to pull or build them"));
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * SHA-256 over the jar's entry names and contents, in name order: a rebuilt jar with the same classes hashes the
     * same although its zip timestamps differ, so the image is not rebuilt for nothing.
     */
    static String contentHash(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = sha256();
            List<? extends ZipEntry> entries = zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = zip.getInputStream(entry)) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + " as a jar", e);
        }
    }

    private static String sha256(String text) {
        MessageDigest digest = sha256();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JRE", e);
        }
    }
}
