package org.tune4j.tuner.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.TrainingLog;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A run directory written as a study writes it, for the dashboard's tests: study.json with a
 * budget, trials appended through the study's own {@link Journal} and {@link TrainingLog}, and raw
 * journal lines for what this version of the study does not write (a {@code pruned} trial).
 */
final class StudyFixture {
    static final String SCRIPT = "<script>alert(1)</script>";

    final Path root;
    final Journal journal;

    private StudyFixture(Path root) {
        this.root = root;
        this.journal = new Journal(new RunLayout(root).journal());
    }

    /** A new run directory {@code parent/name} with a study.json of {@code budget} calls of 2 epochs. */
    static StudyFixture create(Path parent, String name, int budget) throws IOException {
        Path root = Files.createDirectories(parent.resolve(name));
        Files.writeString(root.resolve(RunLayout.STUDY), """
                {"format": 1, "kind": "tune", "created": "2026-01-02T03:04:05Z",
                 "config": {"calls": %d, "epochs": 2},
                 "space": {"learning_rate": {"type": "real", "low": 1e-6, "high": 1e-2},
                           "%s": {"type": "categorical", "categories": ["relu", "sigmoid"]}}}
                """.formatted(budget, SCRIPT.replace("\"", "\\\"")));
        return new StudyFixture(root);
    }

    /** Appends a complete trial with a two-epoch history and its training log; returns it. */
    TrialRecord complete(int number, double lr, double accuracy, double seconds) {
        String logDir = RunLayout.LOGS + "/trial_" + number;
        List<EpochRecord> history = List.of(new EpochRecord(1, 1.0, accuracy - 0.1, 1.1, accuracy - 0.05, seconds / 2),
                new EpochRecord(2, 0.5, accuracy - 0.02, 0.6, accuracy, seconds / 2));
        TrainingLog.write(root.resolve(logDir), history);
        TrialRecord t = new TrialRecord(number, params(lr), -accuracy, TrialState.COMPLETE, null, seconds, history, logDir);
        journal.appendFinished(t);
        return t;
    }

    /** Appends a failed trial with {@code error}. */
    void failed(int number, double lr, String error) {
        journal.appendFinished(new TrialRecord(number, params(lr), 0.0, TrialState.FAILED, error, 1.0, List.of(), null));
    }

    /** Appends a raw journal line (with its newline). */
    void appendRaw(String line) throws IOException {
        Files.writeString(new RunLayout(root).journal(), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static Map<String, Object> params(double lr) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("learning_rate", lr);
        p.put(SCRIPT, "relu");
        return p;
    }

    /** A journal of {@code n} complete trials written in one go (for the big-study timing). */
    static List<String> manyTrialLines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            double acc = 0.5 + 0.49 * ((i * 7919) % 1000) / 1000.0;
            lines.add(("{\"event\":\"finished\",\"trial\":{\"number\":%d,\"params\":{\"learning_rate\":%s,\"%s\":\"relu\"},"
                    + "\"value\":%s,\"state\":\"complete\",\"error\":null,\"seconds\":12.5,\"history\":["
                    + "{\"epoch\":1,\"loss\":0.9,\"accuracy\":0.7,\"val_loss\":0.8,\"val_accuracy\":0.75,\"seconds\":6},"
                    + "{\"epoch\":2,\"loss\":0.4,\"accuracy\":0.85,\"val_loss\":0.5,\"val_accuracy\":%s,\"seconds\":6},"
                    + "{\"epoch\":3,\"loss\":0.3,\"accuracy\":0.9,\"val_loss\":0.4,\"val_accuracy\":%s,\"seconds\":6}],"
                    + "\"log_dir\":\"logs/t%d\"}}").formatted(i, 1e-4 * i, SCRIPT.replace("\"", "\\\""), -acc, acc, acc, i));
        }
        return lines;
    }
}
