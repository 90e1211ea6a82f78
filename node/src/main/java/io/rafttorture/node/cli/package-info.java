/**
 * The command line (picocli): {@link io.rafttorture.node.cli.NodeMain} runs a node, {@code client} sends one
 * request and prints the answer as JSON, {@code bench} measures a local 3-node cluster. Bad options print a
 * message naming the option and exit with status 2.
 */
package io.rafttorture.node.cli;
