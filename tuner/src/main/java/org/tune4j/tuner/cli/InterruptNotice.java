package org.tune4j.tuner.cli;

import java.io.PrintStream;

/**
 * Tells the user how to continue when a study is stopped with Ctrl-C (SIGINT or SIGTERM): a
 * shutdown hook installed while the study runs and removed when it ends normally. The journal
 * needs no flushing here: every finished trial is already on disk.
 */
final class InterruptNotice implements AutoCloseable {
    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /** Installs the notice; {@code resumeCommand} is printed as the way to continue. */
    static InterruptNotice install(PrintStream err, String resumeCommand) {
        Thread hook = new Thread(() -> {
            err.println();
            err.println("tune4j: interrupted; finished trials are kept in the journal. Continue with: " + resumeCommand);
            err.flush();
        }, "tune4j-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs
        }
    }
}
