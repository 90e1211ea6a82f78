/**
 * The {@code torture check} command (picocli): read a history in any supported format, check it against a model,
 * print a JSON verdict, exit 0 valid, 1 invalid, 2 unknown, 3 bad input, 4 internal error
 * ({@link io.rafttorture.results.cli.ExitCodes}, whose handlers and {@code execute} turn every error into one line,
 * never a stack trace, and never exit 1). The root {@code torture} command lives in
 * the harness and adds this one as a subcommand.
 */
package io.rafttorture.results.cli;
