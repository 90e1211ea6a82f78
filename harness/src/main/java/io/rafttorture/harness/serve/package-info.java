/**
 * {@code torture serve}: a small HTTP server (the JDK's {@code com.sun.net.httpserver}) over a results directory.
 * {@link io.rafttorture.harness.serve.RunIndex} finds run folders ({@code <results>/<name>/<time>/}) and reads each
 * one's verdict, seed, options and duration into a {@link io.rafttorture.harness.serve.RunFolder};
 * {@link io.rafttorture.harness.serve.IndexPage} renders them newest first; {@link
 * io.rafttorture.harness.serve.ResultsServer} serves that page and the files of the results directory, and nothing
 * outside it ({@link io.rafttorture.harness.serve.SafePath}).
 */
package io.rafttorture.harness.serve;
