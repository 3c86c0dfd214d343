package org.tune4j.tuner.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.model.Sequential;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * Keeps {@code best-model.t4j} the model of the best validation accuracy so far, as the
 * tutorial's fitness function does: a trial that beats the best saves its model (atomically, so
 * a kill never leaves half a file), with the training data's class names.
 */
public final class BestModel {
    private final Path file;
    private final List<String> classNames;
    private double bestAccuracy;

    /**
     * @param previous   trials already in the journal (their best accuracy is the bar to beat)
     * @param classNames the training data's class names, saved with the model for {@code predict}
     */
    public BestModel(Path file, List<TrialRecord> previous, List<String> classNames) {
        this.file = file;
        this.classNames = List.copyOf(classNames);
        this.bestAccuracy = Double.NEGATIVE_INFINITY;
        for (TrialRecord t : previous) {
            if (t.state() == TrialState.COMPLETE) {
                bestAccuracy = Math.max(bestAccuracy, -t.value());
            }
        }
    }

    /**
     * Saves {@code model} when {@code accuracy} beats the best so far; true when saved.
     *
     * @throws StorageException when the file cannot be written; the previous best model is then
     *                          removed (best effort), so that no file claims to be the best model
     *                          while a better trial's is missing
     */
    public boolean offer(Sequential model, double accuracy) {
        if (!(accuracy > bestAccuracy)) {
            return false;
        }
        try {
            ModelFile.save(model, classNames, file);
        } catch (IOException e) {
            bestAccuracy = accuracy;
            try {
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException ignored) {
                // the save failure is the one to report
            }
            throw new StorageException("cannot save the best model to " + file + ": " + e.getMessage(), e);
        }
        bestAccuracy = accuracy;
        return true;
    }

    public Path file() {
        return file;
    }
}
