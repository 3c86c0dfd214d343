package org.tune4j.tuner.study;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stops one trial's command when tune4j itself ends (SIGTERM, Ctrl-C), with no window in which a
 * command can escape: the shutdown hook is installed before the command starts, and the start and
 * the hook share one lock, so either the hook sees the started process and stops it, or the start
 * sees that the hook ran and does not happen. (A hook installed after the start left a gap: a
 * study loop starting its next trial while the JVM was already exiting could be halted between
 * the two, leaving that command and its children running as orphans.)
 *
 * <p>Life cycle, one guard per trial: {@link #install}, {@link #start}, then {@link #close} when the
 * command has ended (removes the hook; if the JVM is already exiting, the hook runs instead).
 */
final class ShutdownGuard implements AutoCloseable {
    private final Object lock = new Object();
    private final Consumer<Process> stopTree;
    private final Thread hook;
    private boolean exiting;
    private Process running;

    private ShutdownGuard(Consumer<Process> stopTree, String name) {
        this.stopTree = stopTree;
        this.hook = new Thread(this::stopOnExit, name);
    }

    /** A guard with its hook installed, or empty when the JVM is already exiting. */
    static Optional<ShutdownGuard> install(Consumer<Process> stopTree, String name) {
        ShutdownGuard guard = new ShutdownGuard(stopTree, name);
        try {
            Runtime.getRuntime().addShutdownHook(guard.hook);
        } catch (IllegalStateException exiting) {
            return Optional.empty();
        }
        return Optional.of(guard);
    }

    /** Starts the command, or returns empty when tune4j is exiting (the hook has run or runs). */
    Optional<Process> start(ProcessBuilder builder) throws IOException {
        synchronized (lock) {
            if (exiting) {
                return Optional.empty();
            }
            running = builder.start();
            return Optional.of(running);
        }
    }

    /** The hook's body: from now on no command starts; the running one is stopped. */
    void stopOnExit() {
        Process p;
        synchronized (lock) {
            exiting = true;
            p = running;
        }
        if (p != null) {
            stopTree.accept(p);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the hook is running or has run: it stops the command
        }
    }
}
