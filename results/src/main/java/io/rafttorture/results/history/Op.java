package io.rafttorture.results.history;

/**
 * One event of a history, with Knossos' fields.
 *
 * <ul>
 *   <li>{@code index}: position in the history (0, 1, 2, ... in file order), or the source's own index where it has
 *       one (then strictly increasing, not necessarily contiguous);</li>
 *   <li>{@code type}: invoke, ok, fail or info;</li>
 *   <li>{@code f}: the operation, without EDN's colon ("read", "write", "cas", "start", ...);</li>
 *   <li>{@code value}: null, a Long, a String, or a List of such values (cas's [old new]; the independent
 *       convention's [key value] tuple); EDN keywords become Strings without the colon; readers keep other
 *       data as they find it (Boolean, Double, BigInteger beyond long, Map), which our clients never write;</li>
 *   <li>{@code process}: a Long for a client process, the String "nemesis" for faults;</li>
 *   <li>{@code time}: nanoseconds since the run started, or null where the source has none;</li>
 *   <li>{@code node}, {@code error}: optional (null when absent); error is any value as above.</li>
 * </ul>
 */
public record Op(long index, Type type, String f, Object value, Object process, Long time, String node, Object error) {
    public enum Type {
        INVOKE, OK, FAIL, INFO;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final String NEMESIS = "nemesis";

    public boolean isNemesis() {
        return NEMESIS.equals(process);
    }
}
