package org.tune4j.tuner.study;

import java.util.List;
import org.tune4j.engine.model.Sequential;
import org.tune4j.tuner.storage.EpochRecord;

/**
 * Where a training trial's by-products go: its training log and, when it may be the study's best,
 * its model. {@link TrainingEvaluator} calls it on the trial's thread: {@link #epochs} after every
 * epoch with the history so far, then {@link #offer} once if the trial completed. A run directory
 * keeps them as files ({@link RunDirectoryArtifacts}); a study in a database keeps them in it
 * ({@link SharedArtifacts}).
 */
public interface TrialArtifacts {
    /**
     * The trial's epochs so far.
     *
     * @param logDir the trial's log directory, relative to the run directory
     * @throws org.tune4j.tuner.storage.StorageException when a run-directory file cannot be written
     */
    void epochs(int number, String logDir, List<EpochRecord> history);

    /**
     * A completed trial's model and validation accuracy; kept when it beats the best so far.
     *
     * @return true when the model was kept as the best so far
     * @throws org.tune4j.tuner.storage.StorageException when the model cannot be saved
     */
    boolean offer(int number, Sequential model, double accuracy);
}
