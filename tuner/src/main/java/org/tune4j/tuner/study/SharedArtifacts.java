package org.tune4j.tuner.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.model.Sequential;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.postgres.PgBestModel;
import org.tune4j.tuner.storage.postgres.PgStudy;

/**
 * A trial's by-products in the study's database: the history so far in the running trial's row
 * after every epoch ({@link PgStudy#log}), and the model's {@code .t4j} bytes when the trial beats
 * the best finished trial at the time it completes. The bytes are held here until the worker
 * records the trial ({@link #take}, then {@link PgStudy#finish(org.tune4j.tuner.storage.TrialRecord,
 * byte[])}, which stores them in the same transaction only if the trial is then still the best).
 *
 * <p>The database going away never fails the trial: a log that cannot be written is skipped with
 * a warning (the finished record carries the whole history), and when the best so far cannot be
 * read the model is kept anyway, for {@code finish} to judge.
 */
public final class SharedArtifacts implements TrialArtifacts {
    private final PgStudy study;
    private final List<String> classNames;
    private final Consumer<String> warning;
    private final Map<Integer, byte[]> kept = new HashMap<>();

    /** @param classNames the training data's class names, saved with the model for {@code predict} */
    public SharedArtifacts(PgStudy study, List<String> classNames, Consumer<String> warning) {
        this.study = study;
        this.classNames = List.copyOf(classNames);
        this.warning = warning;
    }

    @Override
    public void epochs(int number, String logDir, List<EpochRecord> history) {
        try {
            study.log(number, history);
        } catch (RuntimeException e) {
            warning.accept("training log of trial " + number + " not written to the database (" + e.getMessage()
                    + "); its record will carry the whole history");
        }
    }

    @Override
    public synchronized boolean offer(int number, Sequential model, double accuracy) {
        Optional<PgBestModel.Mark> best;
        try {
            best = PgBestModel.bestFinished(study.database(), study.name());
        } catch (RuntimeException e) {
            best = Optional.empty();  // unknown: keep the bytes, finish() judges
        }
        if (best.isPresent() && !best.get().beatenBy(number, -accuracy)) {
            return false;
        }
        try {
            kept.put(number, bytes(model));
            return true;
        } catch (IOException e) {
            warning.accept("the model of trial " + number + " could not be serialized (" + e.getMessage()
                    + "); if it is the best, the study keeps no model until a better trial");
            return false;
        }
    }

    /** The bytes kept for trial {@code number}, removed from here; null when none were kept. */
    public synchronized byte[] take(int number) {
        return kept.remove(number);
    }

    private byte[] bytes(Sequential model) throws IOException {
        Path temp = Files.createTempFile("tune4j-model-", ".t4j");
        try {
            ModelFile.save(model, classNames, temp);
            return Files.readAllBytes(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
