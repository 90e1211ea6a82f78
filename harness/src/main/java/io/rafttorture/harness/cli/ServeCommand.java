package io.rafttorture.harness.cli;

import io.rafttorture.harness.serve.ResultsServer;
import io.rafttorture.results.cli.ExitCodes;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code torture serve}: serves a results directory over HTTP ({@link ResultsServer}) until Ctrl-C. Prints the URL
 * on stdout. Exit 3 when the directory does not exist or the address cannot be bound.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a results directory over HTTP: an index of runs (newest first, verdict, seed, options, "
            + "duration) with links to each run's report.html and files. Runs until Ctrl-C.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (Ctrl-C)", "3:error (no such results directory, port in use, bad address)"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "The results directory to serve. Default: ${DEFAULT-VALUE} (relative to the working directory).")
    Path resultsDir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "TCP port; 0 picks a free one (the URL printed says which). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 serves every interface (anyone who can reach this machine "
                    + "can then read the results). Default: ${DEFAULT-VALUE}.")
    String bind;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new ParameterException(spec.commandLine(), "--port must be 0-65535, got " + port);
        if (!Files.isDirectory(resultsDir)) {
            return error("results directory " + resultsDir.toAbsolutePath() + " does not exist (--results-dir)");
        }
        ResultsServer server;
        try {
            server = ResultsServer.start(resultsDir, new InetSocketAddress(address(), port));
        } catch (BindException e) {
            return error("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + " (another server there? try --port 0)");
        } catch (IOException e) {
            return error("cannot serve " + resultsDir + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "torture-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("torture serve: " + server.uri() + " (results " + resultsDir.toAbsolutePath().normalize()
                + "); Ctrl-C stops");
        out.flush();
        stopped.await();
        return ExitCodes.VALID;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: unknown address " + bind);
        }
    }

    private int error(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("torture serve: " + message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
