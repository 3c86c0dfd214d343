/*
 * IdxFetcher: what MNIST and Fashion-MNIST share beyond the format: find the four IDX files in a
 * list of directories, or fetch the missing ones into the cache through a list of routes (the first
 * that works), verify each against its SHA-256 before it is cached (written atomically), then read
 * and split. It knows no URLs or names of its own: Mnist and FashionMnist supply them.
 */
package org.tune4j.tuner.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tune4j.engine.data.Checksums;
import org.tune4j.engine.data.DataFileException;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.IdxDataset;
import org.tune4j.tuner.storage.AtomicFiles;

/** Loads an {@link IdxDataset} with checksums, fetching its missing files first. */
final class IdxFetcher {

    private IdxFetcher() {
    }

    /**
     * Loads from the first of {@code searchDirs} holding all four files; otherwise fetches the
     * files missing from {@code cacheDir} through {@code sources} (first that works) and loads
     * from {@code cacheDir}. Every file's raw bytes are verified against the dataset's checksums.
     * Fetching logs two lines: what is missing, and which route served it.
     *
     * @param manualHelp appended to the error when nothing works: how to place the files by hand
     */
    static DataSplits load(IdxDataset dataset, List<Path> searchDirs, Path cacheDir, List<FileSource> sources,
                           String manualHelp, Consumer<String> log) throws IOException {
        for (Path dir : searchDirs) {
            if (dataset.isIn(dir)) {
                return dataset.read(dir, log);
            }
        }
        List<String> missing = dataset.files().stream().filter(f -> IdxDataset.locate(cacheDir, f) == null).toList();
        if (!missing.isEmpty()) {
            fetch(dataset, missing, cacheDir, sources, manualHelp, log);
        }
        return dataset.read(cacheDir, log);
    }

    /** Tries each source in turn for {@code missing}; writes the verified files into {@code cacheDir}. */
    private static void fetch(IdxDataset dataset, List<String> missing, Path cacheDir, List<FileSource> sources,
                              String manualHelp, Consumer<String> log) throws IOException {
        String title = dataset.title();
        log.accept(title + ": fetching " + missing.size() + " missing file(s) into " + cacheDir.toAbsolutePath()
                + " (" + String.join(", then ", sources.stream().map(FileSource::description).toList()) + ")");
        List<String> failures = new ArrayList<>();
        for (FileSource source : sources) {
            Map<String, byte[]> fetched;
            try {
                fetched = source.fetch(missing);
                for (String name : missing) {
                    byte[] data = fetched.get(name);
                    if (data == null) {
                        throw new DataFileException(source.description() + " did not provide " + name);
                    }
                    Checksums.verify(name + " from " + source.description(), data, dataset.sha256().get(name));
                }
            } catch (IOException e) {
                failures.add(source.description() + ": " + e.getMessage());
                continue;
            }
            for (String name : missing) {
                writeAtomically(cacheDir.resolve(name), fetched.get(name));
            }
            log.accept(title + ": fetched " + missing.size() + " file(s) from " + source.description()
                    + (failures.isEmpty() ? "" : " after " + failures.size() + " route(s) failed") + "; verified and cached");
            return;
        }
        StringBuilder msg = new StringBuilder(title).append(": missing ").append(String.join(", ", missing))
                .append(" in ").append(cacheDir.toAbsolutePath()).append(" and no route could fetch them:");
        for (String f : failures) {
            msg.append("\n  - ").append(f);
        }
        if (sources.isEmpty()) {
            msg.append("\n  (no download routes configured)");
        }
        msg.append('\n').append(manualHelp);
        throw new DataFileException(msg.toString());
    }

    /** A temporary file beside {@code target}, readable by all (a cache file is shared data), renamed into place. */
    private static void writeAtomically(Path target, byte[] data) throws IOException {
        try {
            AtomicFiles.replace(target, temp -> {
                Files.write(temp, data);
                if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
