/**
 * Numeric kernels: the matrix products every layer is built on.
 *
 * <p>{@link org.tune4j.engine.kernel.ScalarMatMul} is the specification (plain loops) and the
 * fallback; {@code SimdMatMul} computes the same products with the Vector API
 * ({@code jdk.incubator.vector}) and is reached only through
 * {@link org.tune4j.engine.kernel.Kernels#matMul(KernelMode)}, so nothing outside this package
 * loads Vector API classes. {@link org.tune4j.engine.kernel.IndirectMatMul} is the same kind of
 * product with B read through a table of row offsets (the convolution without im2col):
 * {@link org.tune4j.engine.kernel.ScalarIndirectMatMul} the specification, {@code
 * SimdIndirectMatMul} the Vector API one, picked by {@link org.tune4j.engine.kernel.IndirectKernels}.
 * This package knows nothing of layers, shapes or training: it takes flat row-major
 * {@code float[]} arrays with offsets.
 */
package org.tune4j.engine.kernel;
