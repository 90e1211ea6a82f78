/**
 * The root {@code torture} command (picocli) and its subcommands' wiring: {@code check} comes from the results
 * module; later subcommands (run, ...) are added to {@link io.rafttorture.harness.cli.TortureCommand}.
 */
package io.rafttorture.harness.cli;
