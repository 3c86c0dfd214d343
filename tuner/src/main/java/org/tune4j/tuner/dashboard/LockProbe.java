package org.tune4j.tuner.dashboard;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tune4j.tuner.storage.RunLayout;

/**
 * Tells whether a tune4j process is writing a run directory: the study loop holds an exclusive
 * lock on its {@code .lock} file while it runs ({@code storage.StudyLock}), and the OS drops it when
 * the process ends, however it ends. The probe asks for a shared lock on a read-only channel without
 * waiting and lets go at once; it never creates the file. A study that starts in the microseconds
 * the probe holds its shared lock is told the directory is in use, as with any other tune4j process.
 *
 * <p>On Linux, closing any channel of a file drops every lock this JVM holds on it: the dashboard
 * is meant to run in its own process, not inside a study's.
 */
final class LockProbe {
    private LockProbe() {
    }

    /** True when another process (or this JVM) holds the lock of run directory {@code root}. */
    static boolean isHeld(Path root) {
        Path lock = root.resolve(RunLayout.LOCK);
        if (!Files.isRegularFile(lock)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.READ)) {
            FileLock shared = ch.tryLock(0, Long.MAX_VALUE, true);
            if (shared == null) {
                return true;
            }
            shared.release();
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        } catch (IOException unreadable) {
            return false;
        }
    }
}
