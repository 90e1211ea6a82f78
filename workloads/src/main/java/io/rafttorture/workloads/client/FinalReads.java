package io.rafttorture.workloads.client;

import io.rafttorture.results.history.Op;
import io.rafttorture.workloads.generator.Invocation;
import io.rafttorture.workloads.generator.Workload;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The final-reads phase: after the cluster has healed, a fresh process per node reads every key from that node,
 * so that lost or divergent writes show up in the history. A read that fails is tried again (up to {@code
 * attempts} times; each try is its own operation in the history); a read that ends in info retires the process,
 * and the next key is read by a fresh one.
 */
public final class FinalReads {
    private FinalReads() {
    }

    /**
     * @param firstProcess a process id no client has used (e.g. the highest used + 1)
     * @return the number of final reads that succeeded
     */
    public static int run(Workload workload, Recorder recorder, IntFunction<InetSocketAddress> endpoints,
                          List<Integer> nodes, long firstProcess, Duration opTimeout, int attempts) {
        long process = firstProcess;
        int ok = 0;
        for (int node : nodes) {
            KvClient client = new KvClient(endpoints.apply(node), opTimeout);
            try {
                for (Invocation read : workload.finalReads()) {
                    for (int attempt = 0; attempt < attempts; attempt++) {
                        recorder.invoke(process, read, node);
                        Completion done = client.invoke(read);
                        recorder.complete(process, read, node, done);
                        if (done.type() == Op.Type.INFO) {
                            process++;
                            client.close();
                            client = new KvClient(endpoints.apply(node), opTimeout);
                        }
                        if (done.type() == Op.Type.OK) {
                            ok++;
                            break;
                        }
                    }
                }
            } finally {
                client.close();
            }
            process++;
        }
        return ok;
    }
}
