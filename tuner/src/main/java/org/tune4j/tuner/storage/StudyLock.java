package org.tune4j.tuner.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a run directory ({@code .lock} inside it), held while one process reads
 * the journal and appends to it, so that {@code tune4j ask} and {@code tell} run by parallel
 * workers never hand out the same trial number twice. Released on close (and by the OS when
 * a process dies).
 */
public final class StudyLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StudyLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until the directory's lock is held. */
    public static StudyLock acquire(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(RunLayout.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new StudyLock(ch, ch.lock());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the directory's lock without waiting.
     *
     * @throws IllegalStateException when another process holds it (names the directory)
     */
    public static StudyLock tryAcquire(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(RunLayout.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                ch.close();
                throw new IllegalStateException("run directory " + dir + " is in use by another tune4j process; "
                        + "wait for it to finish (or stop it) before continuing this study");
            }
            return new StudyLock(ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock: " + e.getMessage(), e);
        }
    }
}
