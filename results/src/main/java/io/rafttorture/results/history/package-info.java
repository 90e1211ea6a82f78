/**
 * Histories: the events a test recorded ({@link io.rafttorture.results.history.Op}, Knossos' fields) and the
 * validated {@link io.rafttorture.results.history.History} that pairs each invocation with its completion into an
 * {@link io.rafttorture.results.history.Operation}, once, for every checker. Multi-key histories follow Jepsen's
 * independent convention: the value is a {@code [key value]} tuple. Errors in input are
 * {@link io.rafttorture.results.history.HistoryFormatException}s naming file, line and field.
 */
package io.rafttorture.results.history;
