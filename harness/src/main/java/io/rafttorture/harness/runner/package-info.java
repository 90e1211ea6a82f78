/**
 * Torture runs: {@link io.rafttorture.harness.runner.TortureTest} (every option of a run, as a value),
 * {@link io.rafttorture.harness.runner.TortureRun} (the phases: set up, workload + nemesis, heal, final reads,
 * teardown, check, report; Ctrl-C still checks and writes), {@link io.rafttorture.harness.runner.ResultsFolder}
 * (the run folder and its latest links) and {@link io.rafttorture.harness.runner.RunResult}. JUnit tests write a
 * run as {@code TortureTest.builder()...run()} and assert on the result.
 */
package io.rafttorture.harness.runner;
