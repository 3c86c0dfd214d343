/**
 * Network layers with their forward and backward passes side by side: {@link
 * org.tune4j.engine.layer.Conv2D}, {@link org.tune4j.engine.layer.MaxPool2D}, {@link
 * org.tune4j.engine.layer.Flatten}, {@link org.tune4j.engine.layer.Dense}, {@link
 * org.tune4j.engine.layer.ActivationLayer} with its {@link org.tune4j.engine.layer.Activation}
 * (an extension point: {@link org.tune4j.engine.layer.Relu}, {@link org.tune4j.engine.layer.Sigmoid},
 * {@link org.tune4j.engine.layer.Tanh}, or any registered class), and the fused loss {@link
 * org.tune4j.engine.layer.SoftmaxCrossEntropy}; Keras' initialisation.
 *
 * <p>{@code Conv2D} runs on one {@link org.tune4j.engine.layer.ConvAlgorithm} (the direct
 * specification, im2col, or the indirect convolution with one of its two weight gradients),
 * chosen once when the layer is built.
 *
 * <p>Layers describe computations and hold no per-call state: parameters live in the model's flat
 * vector, activations, gradients and scratch buffers ({@link org.tune4j.engine.layer.LayerState})
 * in the worker that runs them. Not here: composing layers (see {@code model}), training loops,
 * matrix kernels (see {@code kernel}).
 */
package org.tune4j.engine.layer;
