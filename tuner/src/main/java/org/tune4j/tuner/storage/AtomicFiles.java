package org.tune4j.tuner.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file atomically: the content goes to a temporary file in the same directory, is
 * forced to disk, and is then renamed over the target. A reader (or a run killed half-way)
 * sees either the old file or the new one, never a mix; a failed write leaves no temporary file
 * behind and throws a {@link StorageException} naming the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically, creating parent directories. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target} atomically, creating parent directories. */
    public static void write(Path target, byte[] bytes) {
        replace(target, temp -> {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        });
    }

    /**
     * Forces a directory's entries (a rename, a new file) to disk where the platform allows it;
     * best effort, as some file systems refuse to open a directory.
     */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows): the rename itself is still atomic
        }
    }

    /** Something that fills a (temporary) file. */
    @FunctionalInterface
    public interface FileFiller {
        void fill(Path temp) throws IOException;
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} in {@code dir}, created with the default
     * permissions (what the umask allows, as for any file the user makes: results are meant to be
     * shared), not {@link Files#createTempFile}'s owner-only ones, which the rename would keep.
     */
    private static Path createTempBeside(Path dir, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Lets {@code filler} write a temporary file beside {@code target}, then renames it over the
     * target. Used for files written by other code (a model file) that must appear atomically.
     */
    public static void replace(Path target, FileFiller filler) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = createTempBeside(dir, target);
            filler.fill(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new StorageException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }
}
