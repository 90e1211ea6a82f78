/**
 * Named fault packages and the schedule that starts and stops them during a run (Jepsen's nemesis packages).
 * {@link io.rafttorture.nemesis.schedule.PartitionShape} builds grudges (pure); {@link
 * io.rafttorture.nemesis.schedule.NemesisSchedule} is the pure timeline: every interval a fault starts (chosen with a
 * seeded random), one interval later it stops. {@link io.rafttorture.nemesis.schedule.Fault}s apply and undo one
 * kind of fault on a real cluster through {@link io.rafttorture.nemesis.Nemesis}; {@link
 * io.rafttorture.nemesis.schedule.NemesisRunner} is the one thread that interprets the schedule and reports every
 * start and stop, with the exact nodes and links affected, so the runner can record it in the history. Both it and
 * a scenario's runner ({@link io.rafttorture.nemesis.schedule.FaultRunner}) add each step as applied to a {@link
 * io.rafttorture.nemesis.schedule.ScheduleLog} of {@link io.rafttorture.nemesis.schedule.AppliedStep}s: the run's
 * schedule.json.
 */
package io.rafttorture.nemesis.schedule;
