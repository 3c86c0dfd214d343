package org.tune4j.tuner.dashboard;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tune4j.tuner.storage.RunLayout;

/**
 * The per-trial training logs of a run directory ({@code logs/<trial>/training.csv}, written by
 * {@code storage.TrainingLog} after every epoch). The journal holds a trial's history once it has
 * finished; the trial in flight exists only here, so this is where a finished epoch shows first.
 *
 * <p>A log directory named by a journal line is resolved inside {@code logs/} of the run directory
 * only (after following links): a line naming {@code ../../etc} reads nothing.
 */
final class TrainingLogs {
    private static final String HEADER = "epoch,loss,accuracy,val_loss,val_accuracy,seconds";

    private TrainingLogs() {
    }

    /** The trial in flight: its log directory's name and the epochs it has finished so far. */
    record InFlight(String logDir, List<EpochRow> epochs) {
        InFlight {
            epochs = List.copyOf(epochs);
        }
    }

    /**
     * The log of the trial being trained: the newest {@code training.csv} under {@code logs/} that no
     * finished trial names, written after {@code since} (the journal's last change, so that the log of
     * a trial cut short by an earlier interruption is not taken for the current one).
     */
    static Optional<InFlight> inFlight(Path root, Collection<String> finishedLogDirs, FileTime since) {
        Path logs = root.resolve(RunLayout.LOGS);
        if (!Files.isDirectory(logs)) {
            return Optional.empty();
        }
        Path newest = null;
        FileTime newestTime = since;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(logs)) {
            for (Path dir : dirs) {
                String relative = RunLayout.LOGS + "/" + dir.getFileName();
                Path csv = dir.resolve(RunLayout.TRAINING_LOG);
                if (finishedLogDirs.contains(relative) || !Files.isRegularFile(csv)) {
                    continue;
                }
                FileTime time = Files.getLastModifiedTime(csv);
                if (newestTime == null || time.compareTo(newestTime) >= 0) {
                    newest = dir;
                    newestTime = time;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (newest == null) {
            return Optional.empty();
        }
        return Optional.of(new InFlight(RunLayout.LOGS + "/" + newest.getFileName(),
                read(newest.resolve(RunLayout.TRAINING_LOG))));
    }

    /** The epochs of {@code training.csv}; rows that are not six numbers are left out. */
    static List<EpochRow> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<EpochRow> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith(HEADER)) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 6) {
                continue;
            }
            try {
                rows.add(new EpochRow(Integer.parseInt(f[0].trim()), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            } catch (NumberFormatException skipped) {
                // a row being written or damaged: left out
            }
        }
        return rows;
    }

    /** The directory {@code relative} (from a journal line) inside the run's {@code logs/}, if it is one. */
    static Optional<Path> logDir(Path root, String relative) {
        if (relative == null) {
            return Optional.empty();
        }
        try {
            Path logs = root.resolve(RunLayout.LOGS).toRealPath();
            Path dir = root.resolve(relative).normalize();
            if (!Files.isDirectory(dir)) {
                return Optional.empty();
            }
            Path real = dir.toRealPath();
            return real.startsWith(logs) && !real.equals(logs) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
