/**
 * The root {@code torture} command (picocli) and its subcommands' wiring: {@code check} comes from the results
 * module; run, report and serve live here; later subcommands are added to
 * {@link io.rafttorture.harness.cli.TortureCommand}.
 */
package io.rafttorture.harness.cli;
