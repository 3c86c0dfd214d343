package org.tune4j.engine.train;

/**
 * A model's results on a labelled set.
 *
 * @param loss          mean softmax cross-entropy
 * @param accuracy      fraction classified right (most probable class equals the label)
 * @param confusion     (classes, classes): confusion[trueClass][predictedClass] counts
 * @param predicted     (count): most probable class of each example
 * @param probabilities (count, classes): softmax probabilities, row-major
 * @param seconds       wall time of the forward passes (inference throughput: {@link #imagesPerSecond()})
 */
public record Evaluation(double loss, double accuracy, int[][] confusion, int[] predicted, float[] probabilities,
                         double seconds) {

    /** Examples evaluated per second of {@link #seconds()}. */
    public double imagesPerSecond() {
        return predicted.length / seconds;
    }
}
