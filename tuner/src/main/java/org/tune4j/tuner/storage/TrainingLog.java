package org.tune4j.tuner.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A trial's training log, {@code <log dir>/training.csv}: one row per epoch (epoch, loss,
 * accuracy, val_loss, val_accuracy, seconds), rewritten atomically after each epoch. It plays the
 * part of the original's TensorBoard directory, one per hyper-parameter combination.
 */
public final class TrainingLog {
    private TrainingLog() {
    }

    /** Writes the epochs so far to {@code dir/training.csv}. */
    public static void write(Path dir, List<EpochRecord> epochs) {
        StringBuilder sb = new StringBuilder("epoch,loss,accuracy,val_loss,val_accuracy,seconds\n");
        for (EpochRecord e : epochs) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f\n", e.epoch(), e.loss(), e.accuracy(),
                    e.valLoss(), e.valAccuracy(), e.seconds()));
        }
        AtomicFiles.writeString(dir.resolve(RunLayout.TRAINING_LOG), sb.toString());
    }
}
