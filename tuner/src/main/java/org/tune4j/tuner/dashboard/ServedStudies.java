package org.tune4j.tuner.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tune4j.tuner.storage.RunLayout;

/**
 * The studies a dashboard serves, by id (the run directory's name): either the run directories it
 * was given, or every run directory in a runs directory (looked up again at each request, so a
 * study started after the dashboard appears on the next poll). A study is found by its id in this
 * table, never by resolving a request's path, so no URL reaches a file outside the served studies.
 */
final class ServedStudies {
    private final Path runsDir;                        // null when the directories were given
    private final Map<String, Path> given;
    private final Clock clock;
    private final Map<Path, StudyWatch> watches = new ConcurrentHashMap<>();

    private ServedStudies(Path runsDir, Map<String, Path> given, Clock clock) {
        this.runsDir = runsDir;
        this.given = given;
        this.clock = clock;
    }

    /** Every run directory under {@code runsDir}; the directory must exist. */
    static ServedStudies inRunsDir(Path runsDir, Clock clock) {
        if (!Files.isDirectory(runsDir)) {
            throw new IllegalArgumentException("--runs-dir " + runsDir + ": expected a directory of run directories, "
                    + "found " + (Files.exists(runsDir) ? "a file" : "nothing (tune4j tune makes it with the first study)"));
        }
        return new ServedStudies(runsDir.toAbsolutePath().normalize(), Map.of(), clock);
    }

    /** The run directories given; each must be one, and their names must differ. */
    static ServedStudies of(List<Path> runDirs, Clock clock) {
        Map<String, Path> byId = new LinkedHashMap<>();
        for (Path dir : runDirs) {
            Path abs = dir.toAbsolutePath().normalize();
            if (!isRunDirectory(abs)) {
                throw new IllegalArgumentException("RUN_DIR " + dir + ": expected a tune4j run directory (with "
                        + RunLayout.STUDY + " or " + RunLayout.JOURNAL + "), found " + (Files.isDirectory(abs)
                        ? "a directory without them" : Files.exists(abs) ? "a file" : "nothing"));
            }
            Path clash = byId.putIfAbsent(id(abs), abs);
            if (clash != null && !clash.equals(abs)) {
                throw new IllegalArgumentException("RUN_DIR " + dir + ": the dashboard names a study by its directory's "
                        + "name, and " + clash + " is also named " + id(abs) + "; give one of them");
            }
        }
        return new ServedStudies(null, Map.copyOf(byId), clock);
    }

    /** The studies now, by id, sorted by id. */
    List<StudyWatch> all() {
        Map<String, Path> dirs = runsDir == null ? given : scan();
        List<StudyWatch> out = new ArrayList<>();
        dirs.forEach((id, dir) -> out.add(watch(id, dir)));
        out.sort(Comparator.comparing(StudyWatch::id));
        return out;
    }

    /** The study with this id, if served. */
    Optional<StudyWatch> find(String id) {
        Path dir = runsDir == null ? given.get(id) : scan().get(id);
        return dir == null ? Optional.empty() : Optional.of(watch(id, dir));
    }

    /** Where the studies come from, for the start-up line. */
    String describe() {
        return runsDir != null ? "the run directories in " + runsDir : given.size() + " run director"
                + (given.size() == 1 ? "y" : "ies");
    }

    private StudyWatch watch(String id, Path dir) {
        return watches.computeIfAbsent(dir, d -> new StudyWatch(id, d, clock));
    }

    private Map<String, Path> scan() {
        Map<String, Path> found = new LinkedHashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir)) {
            for (Path dir : dirs) {
                if (isRunDirectory(dir)) {
                    found.put(id(dir), dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list runs directory " + runsDir + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static boolean isRunDirectory(Path dir) {
        return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve(RunLayout.STUDY))
                || Files.isRegularFile(dir.resolve(RunLayout.JOURNAL)));
    }

    private static String id(Path dir) {
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
