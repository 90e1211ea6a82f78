package io.rafttorture.nemesis;

import com.github.dockerjava.api.DockerClient;
import io.rafttorture.nemesis.toxiproxy.ToxiproxyApi;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyStreamTest {
    /** Only the proxy names matter here. */
    private static final ClusterHandles NAMES = new ClusterHandles() {
        public List<Integer> nodeIds() { return List.of(1, 2, 3); }
        public ToxiproxyApi toxiproxy() { throw new UnsupportedOperationException(); }
        public String peerProxy(int from, int to) { return "p" + from + "-" + to; }
        public String clientProxy(int node) { return "c" + node; }
        public DockerClient docker() { throw new UnsupportedOperationException(); }
        public String containerId(int node) { throw new UnsupportedOperationException(); }
    };

    @Test
    void peerDirection_isUpstreamOfItsOwnProxyAndDownstreamOfTheReverseProxy() {
        assertThat(ProxyStream.carrying(new Link(1, 2), NAMES)).containsExactly(
                new ProxyStream("p1-2", "upstream"), new ProxyStream("p2-1", "downstream"));
    }

    @Test
    void oppositeDirections_neverShareAStream() {
        assertThat(ProxyStream.carrying(new Link(1, 2), NAMES))
                .doesNotContainAnyElementsOf(ProxyStream.carrying(new Link(2, 1), NAMES));
    }

    @Test
    void clientLinks_useTheNodesClientProxy() {
        assertThat(ProxyStream.carrying(new Link(Link.CLIENTS, 3), NAMES)).containsExactly(new ProxyStream("c3", "upstream"));
        assertThat(ProxyStream.carrying(new Link(3, Link.CLIENTS), NAMES)).containsExactly(new ProxyStream("c3", "downstream"));
    }

    @Test
    void allLinks_coverEveryOrderedPairOnce() {
        assertThat(Link.allPeerLinks(List.of(1, 2, 3))).hasSize(6).doesNotHaveDuplicates();
        assertThat(Link.allClientLinks(List.of(1, 2, 3))).hasSize(6).allMatch(Link::isClientLink);
    }

    @Test
    void selfLink_isRejected() {
        assertThatThrownBy(() -> new Link(2, 2)).hasMessageContaining("2->2");
    }
}
