/**
 * Fault scenarios as data: a JSON or YAML file lists fault steps at times relative to the workload's start, with
 * Raft-aware targets ({@code leader}, {@code followers}, {@code random-node}, node ids, partition shapes such as
 * leader-minority) resolved when each step runs. {@link io.rafttorture.nemesis.scenario.ScenarioReader} parses and
 * validates a file (every error names file:line:column and the field); {@link
 * io.rafttorture.nemesis.scenario.ScenarioRunner} carries the steps out through the fault primitives and records each
 * step as applied in a {@link io.rafttorture.nemesis.schedule.ScheduleLog} (the run's schedule.json). For replays,
 * {@link io.rafttorture.nemesis.scenario.ScheduleReader} reads a schedule.json back, {@link
 * io.rafttorture.nemesis.scenario.ScheduleReplay} turns it into a scenario with every target explicit, and {@link
 * io.rafttorture.nemesis.scenario.ScheduleComparison} compares a replay's schedule with the original's. The format
 * is documented, with an example of every step kind, in {@code scenarios/README.md}.
 */
package io.rafttorture.nemesis.scenario;
