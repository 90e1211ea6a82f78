package io.rafttorture.harness.serve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run folder as the index lists it.
 *
 * @param path           relative to the results directory, '/'-separated, e.g. "kv-partition/20261122-215759"
 * @param name           the run's name, e.g. "kv-partition" (the parent folder)
 * @param stamp          the folder's own name, "yyyyMMdd-HHmmss" with an optional "-n" suffix
 * @param verdict        from results.json; {@link Verdict#UNREADABLE} when it is missing or malformed
 * @param reason         why the verdict is "?" (file and problem), else results.json's problems (why a run is
 *                       unknown or an error; at most 300 characters); empty when there are none
 * @param seed           from test.json (else results.json); null when neither says
 * @param options        key options from test.json (nodes, time limit, workload, nemesis, ...), in display order
 * @param durationMillis the sum of results.json's phasesMillis; null when unknown
 * @param files          every regular file in the folder, relative to it, sorted ("history.jsonl", "nodes/n1.log")
 */
public record RunFolder(String path, String name, String stamp, Verdict verdict, String reason, Long seed,
                        Map<String, String> options, Long durationMillis, List<String> files) {
    public RunFolder {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options)); // keeps the display order
        files = List.copyOf(files);
    }

    /** Whether the folder holds a report.html to link to. */
    public boolean hasReport() {
        return files.contains("report.html");
    }
}
