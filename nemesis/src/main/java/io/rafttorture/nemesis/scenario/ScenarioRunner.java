package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.schedule.AppliedStep;
import io.rafttorture.nemesis.schedule.FaultRunner;
import io.rafttorture.nemesis.schedule.NemesisRunner;
import io.rafttorture.nemesis.schedule.ScheduleLog;

import java.util.Random;

/**
 * Carries out a {@link Scenario}: waits for each step's {@code at} on the run's clock (or, if the previous step ended
 * later, starts at once), applies it, and adds it to the {@link ScheduleLog} as applied: planned, actual start and
 * end times, resolved targets, outcome. A step aimed at the leader waits (at most {@link TargetResolver#LEADER_WAIT})
 * for one; a step whose target cannot be resolved is skipped with the reason; a step
 * the cluster refuses (Docker or Toxiproxy error) is recorded as an error ({@code nemesis-error} in the history) and
 * the scenario goes on. Healing what is left at the end is the caller's final phase, as with {@link NemesisRunner}.
 */
public final class ScenarioRunner extends FaultRunner {
    private final Scenario scenario;
    private final RunClock clock;
    private final NemesisRunner.Events events;
    private final ScheduleLog log;
    private final StepInterpreter interpreter;

    /**
     * @param events receives each history event (f, value), as from {@link NemesisRunner}
     * @param log    receives each step as applied
     * @param seed   seeds random-node and the random partition shapes
     */
    public ScenarioRunner(Scenario scenario, Primitives primitives, ClusterView view, RunClock clock,
                          NemesisRunner.Events events, ScheduleLog log, long seed) {
        super("scenario");
        this.scenario = scenario;
        this.clock = clock;
        this.events = events;
        this.log = log;
        this.interpreter = new StepInterpreter(primitives, view, clock, events,
                new TargetResolver(view, clock, new Random(seed)));
    }

    /** Runs every step on the calling thread; returns early when interrupted. */
    public void runSteps() throws InterruptedException {
        for (Step step : scenario.steps()) {
            if (stopping()) return;
            long planned = step.at().toNanos();
            clock.sleepUntil(planned);
            runStep(step, planned);
        }
    }

    private void runStep(Step step, long planned) throws InterruptedException {
        long start = clock.nanos();
        StepInterpreter.Result result;
        try {
            result = interpreter.apply(step);
        } catch (InterruptedException e) {
            log.add(new AppliedStep(step.index(), step.action().kind(), null, planned, start, clock.nanos(), null,
                    AppliedStep.INTERRUPTED, "the run ended during this step", step.toMap()));
            throw e;
        } catch (RuntimeException e) {
            String reason = step.action().kind() + " failed: " + e.getMessage();
            events.event("nemesis-error", reason);
            result = new StepInterpreter.Result("nemesis-error", null, AppliedStep.ERROR, reason, step.toMap());
        }
        log.add(new AppliedStep(step.index(), step.action().kind(), result.f(), planned, start, clock.nanos(),
                result.resolved(), result.outcome(), result.reason(), result.step()));
    }

    @Override
    protected void run() {
        try {
            runSteps();
        } catch (InterruptedException e) {
            // stopped: the run is ending
        }
    }
}
