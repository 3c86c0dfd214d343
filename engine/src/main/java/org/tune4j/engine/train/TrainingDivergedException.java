package org.tune4j.engine.train;

/**
 * Thrown by {@link Trainer#fit} when a mini-batch loss is NaN or infinite: training has diverged
 * (typically too high a learning rate) and its result must not be used. The model's parameters are
 * left as they were before the failing batch's update.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final double loss;

    public TrainingDivergedException(int epoch, int batch, double loss) {
        super("training diverged: loss " + loss + " at epoch " + epoch + ", batch " + batch);
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
    }

    /** 1-based epoch. */
    public int epoch() { return epoch; }

    /** 0-based batch within the epoch. */
    public int batch() { return batch; }

    /** The non-finite loss. */
    public double loss() { return loss; }
}
