/**
 * Replaying a run: {@link io.rafttorture.harness.replay.OriginalRun} reads a run folder (test.json for the options
 * and seed, schedule.json for the faults as applied, results.json for the verdict) and refuses a malformed one with
 * a message naming file and field before anything starts; {@link io.rafttorture.harness.replay.TortureReplay} runs
 * the same test again with the recorded schedule as an explicit scenario (every target resolved) and compares each
 * replay's schedule and verdict with the original's ({@link io.rafttorture.harness.replay.ReplayReport}, written as
 * replay.json). The command line is {@code torture replay RESULTS_DIR [--test-count N]}.
 */
package io.rafttorture.harness.replay;
