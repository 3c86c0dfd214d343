package org.tune4j.engine.train;

import java.util.Arrays;
import java.util.List;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.kernel.Kernels;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.LayerState;
import org.tune4j.engine.layer.SoftmaxCrossEntropy;
import org.tune4j.engine.model.Sequential;

/**
 * Everything one thread needs to run a model on up to {@code capacity} examples at once: the
 * activations between layers, their gradients, each layer's scratch state, the probabilities and
 * this thread's parameter gradient. All sized once in the constructor; the steady-state
 * {@link #forwardBackward} allocates nothing.
 *
 * <p>Owned by one thread at a time. Several workers may run one model concurrently as long as
 * nobody writes the model's parameters meanwhile.
 */
public final class Worker {

    private final Sequential model;
    private final List<Layer> layers;
    private final int capacity;
    private final int classes;
    private final LayerState[] states;
    private final float[][] acts;    // acts[0] (capacity, input); acts[i + 1] (capacity, output of layer i)
    private final float[][] dActs;   // dActs[i + 1] (capacity, output of layer i); dActs[0] is unused
    private final float[] probs;     // (capacity, classes)
    private final int[] labels;      // (capacity)
    private final float[] dParams;   // (parameterCount)

    public Worker(Sequential model, int capacity, KernelMode kernels) {
        if (model.outputShape().rank() != 1) {
            throw new IllegalArgumentException("model must end in flat logits, found output " + model.outputShape());
        }
        this.model = model;
        this.layers = model.layers();
        this.capacity = capacity;
        this.classes = model.outputShape().size();
        MatMul matMul = Kernels.matMul(kernels);
        int count = layers.size();
        states = new LayerState[count];
        acts = new float[count + 1][];
        dActs = new float[count + 1][];
        acts[0] = new float[capacity * model.inputShape().size()];
        for (int i = 0; i < count; i++) {
            Layer layer = layers.get(i);
            states[i] = layer.newState(capacity, matMul);
            if (inPlace(i)) {  // the layer overwrites its input and its dOut becomes its dInput
                acts[i + 1] = acts[i];
                dActs[i + 1] = dActs[i];
            } else {
                acts[i + 1] = new float[capacity * layer.outputShape().size()];
                dActs[i + 1] = new float[capacity * layer.outputShape().size()];
            }
        }
        probs = new float[capacity * classes];
        labels = new int[capacity];
        dParams = new float[model.parameterCount()];
    }

    /**
     * Layer i runs in place when it can and the layer before it (not the input batch, which
     * {@link #load} fills once per batch) does not read its output in backward.
     */
    private boolean inPlace(int i) {
        Layer layer = layers.get(i);
        return i > 0 && layer.runsInPlace() && !layers.get(i - 1).backwardReadsOutput()
                && layer.inputShape().size() == layer.outputShape().size();
    }

    /** Largest number of examples per call. */
    public int capacity() { return capacity; }

    /** Copies examples order[from], ..., order[from + n - 1] of {@code data} into the input buffer. */
    public void load(LabeledImages data, int[] order, int from, int n) {
        checkBatch(n);
        int size = data.imageSize();
        for (int j = 0; j < n; j++) {
            int index = order[from + j];
            System.arraycopy(data.pixels(), index * size, acts[0], j * size, size);
            labels[j] = data.labels()[index];
        }
    }

    /** Copies the n consecutive examples starting at {@code from} into the input buffer. */
    public void loadRange(LabeledImages data, int from, int n) {
        checkBatch(n);
        int size = data.imageSize();
        System.arraycopy(data.pixels(), from * size, acts[0], 0, n * size);
        System.arraycopy(data.labels(), from, labels, 0, n);
    }

    /** Runs the loaded n examples forward; returns the sum of their losses. Probabilities in {@link #probabilities()}. */
    public double forward(int n) {
        checkBatch(n);
        float[] params = model.parameters();
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(states[i], params, model.parameterOffset(i), acts[i], acts[i + 1], n);
        }
        return SoftmaxCrossEntropy.forward(acts[layers.size()], labels, 0, n, classes, probs);
    }

    /**
     * Forward and backward over the loaded n examples, a slice of a mini-batch of {@code batchSize}:
     * overwrites {@link #gradients()} with this slice's share of dLoss/dParams of the mean batch
     * loss and returns the sum of the slice's losses.
     */
    public double forwardBackward(int n, int batchSize) {
        double lossSum = forward(n);
        int last = layers.size();
        SoftmaxCrossEntropy.backward(probs, labels, 0, n, classes, batchSize, dActs[last]);
        Arrays.fill(dParams, 0f);
        float[] params = model.parameters();
        for (int i = last - 1; i >= 0; i--) {
            float[] dInput = i == 0 ? null : dActs[i];
            layers.get(i).backward(states[i], params, dParams, model.parameterOffset(i),
                    acts[i], acts[i + 1], dActs[i + 1], dInput, n);
        }
        return lossSum;
    }

    /** How many of the last forward's n examples have the true class as their most probable one. */
    public int correct(int n) {
        int right = 0;
        for (int j = 0; j < n; j++) {
            right += predicted(j) == labels[j] ? 1 : 0;
        }
        return right;
    }

    /** Most probable class of example j of the last forward (the first on ties). */
    public int predicted(int j) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (probs[j * classes + c] > probs[j * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** (capacity, classes): softmax probabilities of the last forward. */
    public float[] probabilities() { return probs; }

    /** (parameterCount): this worker's gradient from the last {@link #forwardBackward}. */
    public float[] gradients() { return dParams; }

    /** (capacity, inputShape): the input buffer, e.g. for tests that fill it directly with {@link #setLabels}. */
    public float[] input() { return acts[0]; }

    /** Sets the labels of the first labels.length examples (with {@link #input()}, an alternative to load). */
    public void setLabels(int[] newLabels) {
        checkBatch(newLabels.length);
        System.arraycopy(newLabels, 0, labels, 0, newLabels.length);
    }

    /**
     * (capacity, outputShape of layer i): the output of layer i from the last forward; for a layer
     * followed by one that runs in place (a ReLU after a convolution), that layer's output.
     */
    public float[] output(int i) { return acts[i + 1]; }

    private void checkBatch(int n) {
        if (n < 0 || n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " examples, but this worker holds at most " + capacity);
        }
    }
}
