package io.rafttorture.node.replica;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.kv.ClientResponse.Status;
import io.rafttorture.node.raft.Bug;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the pure core commits when nothing else costs anything (no disk, no sockets): a figure to compare the
 * node's end-to-end benchmark against. Prints writes per second; asserts only that every write was answered OK.
 */
class ReplicaThroughputTest {
    private static final int WRITES = 20_000;
    private static final int PER_BATCH = 100;

    @Test
    void whenWritesArePipelined_thenThePureCoreCommitsThemAll() {
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
            long started = System.nanoTime();
            for (int i = 0; i < WRITES; i += PER_BATCH) {
                for (int j = i; j < i + PER_BATCH; j++) {
                    net.r(1).submit(ClientRequest.write(1, j, "k" + j % 10, "v" + j));
                }
                net.drain(1);
                net.stabilize();
                net.readies.clear();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(net.answers).hasSize(WRITES).extracting(ClientResponse::status).containsOnly(Status.OK);
            if (round == 1) {
                System.out.printf("pure core, 3 replicas, %d writes in batches of %d: %.0f writes/s%n", WRITES,
                        PER_BATCH, WRITES / seconds);
            }
        }
    }
}
