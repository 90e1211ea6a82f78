package io.rafttorture.results.checker.model;

/**
 * A lock: {@code acquire} is legal only when free and takes it; {@code release} is legal only when held and frees
 * it. State: Boolean, true when held; initially free.
 */
public final class Mutex implements Model<Boolean> {
    private static final Step.Rejected<Boolean> HELD = new Step.Rejected<>("the lock is already held");
    private static final Step.Rejected<Boolean> FREE = new Step.Rejected<>("the lock is not held");

    @Override
    public String name() {
        return "mutex";
    }

    @Override
    public Boolean init() {
        return false;
    }

    @Override
    public Step<Boolean> step(Boolean held, Input input, Output output) {
        return switch (input.f()) {
            case "acquire" -> held ? Step.reject(HELD) : Step.next(true);
            case "release" -> held ? Step.next(false) : Step.reject(FREE);
            default -> throw new IllegalArgumentException("mutex has no operation \"" + input.f()
                    + "\" (expected acquire, release)");
        };
    }

    @Override
    public String describeState(Boolean held) {
        return held ? "held" : "free";
    }
}
