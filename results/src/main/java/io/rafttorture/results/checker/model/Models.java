package io.rafttorture.results.checker.model;

import java.util.List;

/** The stock models by name, for the CLI's {@code --model}. */
public final class Models {
    /** Names {@link #byName} accepts. */
    public static final List<String> NAMES = List.of("register", "cas-register", "kv", "multi-register", "mutex");

    private Models() {
    }

    /**
     * The model called {@code name}:
     * <ul>
     *   <li>"register", "cas-register": one register starting at {@code initialValue} ({@link CasRegister});</li>
     *   <li>"kv": independent cas-registers per key, values {@code [key value]}, each starting at
     *       {@code initialValue} (Porcupine's kv files: "", our store: nil);</li>
     *   <li>"multi-register": {@link MultiRegister}, every key starting at {@code initialValue} (or a map);</li>
     *   <li>"mutex": {@link Mutex}; {@code initialValue} is ignored.</li>
     * </ul>
     *
     * @throws IllegalArgumentException naming the known models when {@code name} is none of them
     */
    public static Model<?> byName(String name, Object initialValue) {
        return switch (name) {
            case "register", "cas-register" -> new CasRegister(name, initialValue);
            case "kv" -> new Independent<>("kv", new CasRegister("cas-register", initialValue));
            case "multi-register" -> new MultiRegister(initialValue);
            case "mutex" -> new Mutex();
            default -> throw new IllegalArgumentException("unknown model \"" + name + "\" (expected one of "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
