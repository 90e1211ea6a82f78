package io.rafttorture.nemesis.scenario;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What a scenario asks of the cluster while it runs, to resolve targets and to wait. The harness's cluster backs it. */
public interface ClusterView {
    /** Node ids, ascending, starting at 1. */
    List<Integer> nodeIds();

    /** The leader a majority currently agrees on; empty if none (or it cannot be asked now). */
    Optional<Integer> leader();

    /** The node's commitIndex now; empty if it does not answer. */
    OptionalLong commitIndex(int node);
}
