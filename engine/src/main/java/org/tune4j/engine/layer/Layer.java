package org.tune4j.engine.layer;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.engine.kernel.MatMul;
import org.tune4j.engine.tensor.Shape;

/**
 * One step of a sequential network: an immutable description (hyper-parameters and shapes) whose
 * forward and backward passes read parameters from, and write gradients to, arrays owned by others.
 *
 * <p><b>Life cycle.</b>
 * <ol>
 *   <li>A model builder constructs the layer from its hyper-parameters and the output shape of the
 *       previous layer; the layer fixes its {@link #outputShape()} and {@link #parameterCount()}.</li>
 *   <li>The model allocates one flat parameter vector for all layers and gives each layer a region
 *       [{@code pOff}, {@code pOff + parameterCount()}); {@link #initialize} fills that region once.</li>
 *   <li>Each worker thread calls {@link #newState} once per (model, batch capacity): the returned
 *       state holds every scratch buffer the layer needs, so steady-state steps allocate nothing.</li>
 *   <li>Per mini-batch, the worker calls {@link #forward} (input to out) for every layer in order,
 *       then {@link #backward} in reverse order with the same arrays, {@code n <= capacity}.</li>
 * </ol>
 *
 * <p><b>Threading.</b> A layer keeps no per-call state in fields, so any number of workers may run
 * one layer at once, each with its own {@link LayerState}, activations and gradient buffers.
 * Parameters must not change while a pass runs (the trainer updates them between batches).
 *
 * <p>Arrays are row-major, batch first: input (n, inputShape), out (n, outputShape).
 */
public interface Layer {

    /** Short type name for summaries and model files, e.g. "Conv2D". */
    String kind();

    /** Shape of one input example. */
    Shape inputShape();

    /** Shape of one output example. */
    Shape outputShape();

    /** Number of trainable parameters (0 for parameter-free layers). */
    int parameterCount();

    /** The hyper-parameters that rebuild this layer (with its input shape); "type" is {@link #kind()}. */
    Map<String, Object> config();

    /** Writes initial parameters into {@code params[pOff, pOff + parameterCount())}. */
    void initialize(float[] params, int pOff, RandomGenerator rng);

    /** Scratch buffers for one worker that will pass at most {@code capacity} examples at once. */
    LayerState newState(int capacity, MatMul matMul);

    /**
     * out = f(input; params) for the first {@code n} examples.
     *
     * @param input (n, inputShape)
     * @param out   (n, outputShape), overwritten
     */
    void forward(LayerState state, float[] params, int pOff, float[] input, float[] out, int n);

    /**
     * Given dLoss/dOut, accumulates dLoss/dParams into {@code dParams[pOff, ...)} (+=) and writes
     * dLoss/dInput (overwritten). {@code input} and {@code out} must be those of the matching
     * {@link #forward} call with the same state.
     *
     * @param input   (n, inputShape)
     * @param out     (n, outputShape)
     * @param dOut    (n, outputShape)
     * @param dInput  (n, inputShape), overwritten; may be null when the caller needs no input gradient
     * @param dParams (parameter vector), accumulated into
     */
    void backward(LayerState state, float[] params, float[] dParams, int pOff,
                  float[] input, float[] out, float[] dOut, float[] dInput, int n);

    /**
     * True when this layer may run in place: forward correct with {@code out == input} and
     * backward with {@code dInput == dOut} (an element-wise function whose backward reads
     * {@code out}, never {@code input}). A worker then gives the layer its input's buffers, like
     * PyTorch's {@code ReLU(inplace=True)}: less memory to stream, nothing else changes.
     */
    default boolean runsInPlace() { return false; }

    /**
     * True when {@link #backward} reads {@code out}. A layer that {@link #runsInPlace()} overwrites
     * the output of the layer before it, so it runs in place only after a layer that answers false.
     * Conservative by default; layers whose backward needs only input, dOut and their state say
     * false.
     */
    default boolean backwardReadsOutput() { return true; }
}
