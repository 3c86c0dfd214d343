package org.tune4j.engine.layer;

/**
 * Softmax followed by categorical cross-entropy, fused for numerical stability, averaged over the
 * batch (as Keras' {@code categorical_crossentropy} and PyTorch's {@code cross_entropy}).
 *
 * <pre>
 *   p(i, c)       = exp(z(i, c) - m_i) / Σ_c' exp(z(i, c') - m_i),   m_i = max_c z(i, c)
 *   loss          = (1 / N) Σ_i [log Σ_c exp(z(i, c) - m_i) + m_i - z(i, y_i)]
 *   dLoss/dz(i,c) = (p(i, c) - [c == y_i]) / N
 * </pre>
 *
 * N is the whole mini-batch, which a worker may compute only a slice of: {@link #forward} returns
 * the slice's loss <i>sum</i> and {@link #backward} divides by the batch size it is given, so the
 * slices' results add up to the batch's. Stateless.
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /**
     * Writes the probabilities and returns the sum of the n examples' losses (in double).
     *
     * @param logits (n, classes)
     * @param labels class of example i at labels[labelOff + i]
     * @param probs  (n, classes), overwritten
     */
    public static double forward(float[] logits, int[] labels, int labelOff, int n, int classes, float[] probs) {
        double lossSum = 0.0;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            float max = logits[row];
            for (int c = 1; c < classes; c++) {
                max = Math.max(max, logits[row + c]);
            }
            double sum = 0.0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(logits[row + c] - max);
                probs[row + c] = (float) e;
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                probs[row + c] = (float) (probs[row + c] / sum);
            }
            int y = labels[labelOff + i];
            lossSum += Math.log(sum) + max - logits[row + y];
        }
        return lossSum;
    }

    /**
     * dLogits = (probs - onehot(labels)) / batchSize for the n examples.
     *
     * @param probs     (n, classes), from {@link #forward}
     * @param batchSize N of the mean: the whole mini-batch, not only this slice
     * @param dLogits   (n, classes), overwritten
     */
    public static void backward(float[] probs, int[] labels, int labelOff, int n, int classes, int batchSize,
                                float[] dLogits) {
        float scale = 1f / batchSize;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            int y = labels[labelOff + i];
            for (int c = 0; c < classes; c++) {
                dLogits[row + c] = (probs[row + c] - (c == y ? 1f : 0f)) * scale;
            }
        }
    }
}
