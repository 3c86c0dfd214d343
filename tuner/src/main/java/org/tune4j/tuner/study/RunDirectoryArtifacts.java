package org.tune4j.tuner.study;

import java.util.List;
import org.tune4j.engine.model.Sequential;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.TrainingLog;

/**
 * A trial's by-products in a run directory: {@code logs/<dir>/training.csv} rewritten after every
 * epoch ({@link TrainingLog}) and {@code best-model.t4j} ({@link BestModel}).
 */
public final class RunDirectoryArtifacts implements TrialArtifacts {
    private final RunLayout dir;
    private final BestModel best;

    public RunDirectoryArtifacts(RunLayout dir, BestModel best) {
        this.dir = dir;
        this.best = best;
    }

    @Override
    public void epochs(int number, String logDir, List<EpochRecord> history) {
        TrainingLog.write(dir.logDir(logDir), history);
    }

    @Override
    public boolean offer(int number, Sequential model, double accuracy) {
        return best.offer(model, accuracy);
    }
}
