package org.tune4j.tuner.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whether a process the tests started indirectly (an objective's child) is still running, for the
 * tests that check a stopped objective leaves nothing behind (here and in src-test).
 *
 * <p>A zombie is not running: once the objective's shell is gone, its stopped child is re-parented
 * to PID 1, and in a container whose PID 1 does not reap children it stays a zombie, which
 * {@link ProcessHandle#isAlive()} (kill -0) counts as alive.
 */
public final class ProcessState {
    private ProcessState() {
    }

    public static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(Path.of("/proc/self/stat"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); // no procfs: ask the JDK
        }
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);  // "pid (comm) S ...": the state after the name
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Waits up to {@code seconds} for the process to stop running; whether it did. */
    public static boolean stops(long pid, double seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return !running(pid);
    }
}
