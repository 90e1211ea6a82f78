/**
 * History files: reading JSON Lines (the project's own format), Knossos/Jepsen EDN, Jepsen's textual log and
 * Porcupine's key-value format into a {@link io.rafttorture.results.history.History}
 * ({@link io.rafttorture.results.format.Histories}, with format detection); writing JSON Lines incrementally
 * from many threads ({@link io.rafttorture.results.format.HistoryWriter}) and EDN for Knossos and Elle
 * ({@link io.rafttorture.results.format.EdnHistoryWriter}). Every format decodes events through one decoder, so
 * all accept and reject the same fields, and every error names file, line and field.
 */
package io.rafttorture.results.format;
