package io.rafttorture.nemesis.schedule;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one thread that carries out a {@link NemesisSchedule}: waits for each step's time on the run's clock, then
 * starts or stops the named {@link Fault}. Every start is reported before the fault is applied (with exactly what
 * will be broken), every stop after it is undone (with what was restored), through {@link Events}. A fault that
 * fails (Docker or Toxiproxy refused) is reported as {@code f = "nemesis-error"} and the schedule goes on.
 *
 * <p>{@link #stop()} ends the thread at the next step without touching the cluster; healing everything is the
 * caller's final phase ({@link io.rafttorture.nemesis.Nemesis#healAll()}).
 */
public final class NemesisRunner extends FaultRunner {
    /** Receives each fault event: its f ("start-partition", "stop-kill", "nemesis-error") and value. */
    public interface Events {
        void event(String f, Object value);
    }

    private final List<NemesisSchedule.Step> steps;
    private final Map<String, Fault> faults;
    private final LongSupplier clock;
    private final Events events;
    private final Random random;
    private final ScheduleLog log;

    /**
     * @param faults by name; must hold every fault the steps name
     * @param clock  the run's time in nanoseconds (the same clock the history uses)
     * @param seed   seeds each fault's choice of targets
     */
    public NemesisRunner(List<NemesisSchedule.Step> steps, Map<String, Fault> faults, LongSupplier clock,
                         Events events, long seed) {
        this(steps, faults, clock, events, seed, new ScheduleLog(Map.of()));
    }

    /** As above, and each step as applied goes to {@code log} (the run's schedule.json). */
    public NemesisRunner(List<NemesisSchedule.Step> steps, Map<String, Fault> faults, LongSupplier clock,
                         Events events, long seed, ScheduleLog log) {
        super("nemesis");
        steps.forEach(step -> {
            if (!faults.containsKey(step.fault())) throw new IllegalArgumentException("no fault " + step.fault());
        });
        this.steps = List.copyOf(steps);
        this.faults = Map.copyOf(faults);
        this.clock = clock;
        this.events = events;
        this.random = new Random(seed);
        this.log = log;
    }

    @Override
    protected void run() {
        for (int i = 0; i < steps.size(); i++) {
            NemesisSchedule.Step step = steps.get(i);
            if (!awaitTime(step.atNanos())) return;
            long start = clock.getAsLong();
            try {
                Object value = carryOut(step);
                log.add(new AppliedStep(i, step.fault(), step.f(), step.atNanos(), start, clock.getAsLong(), value,
                        AppliedStep.OK, null, null));
            } catch (RuntimeException e) {
                String reason = step.f() + " failed: " + e.getMessage();
                events.event("nemesis-error", reason);
                log.add(new AppliedStep(i, step.fault(), step.f(), step.atNanos(), start, clock.getAsLong(), null,
                        AppliedStep.ERROR, reason, null));
            }
        }
    }

    /** Returns the value reported to the history: what was (about to be) broken, or what was restored. */
    private Object carryOut(NemesisSchedule.Step step) {
        Fault fault = faults.get(step.fault());
        if (step.start()) {
            Fault.Planned planned = fault.plan(random);
            events.event(step.f(), planned.value());
            planned.apply().run();
            return planned.value();
        }
        Object restored = fault.stop();
        events.event(step.f(), restored);
        return restored;
    }

    /** Sleeps until run time {@code atNanos}; false when stopped first. */
    private boolean awaitTime(long atNanos) {
        while (!stopping()) {
            long left = atNanos - clock.getAsLong();
            if (left <= 0) return true;
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }
}
