/**
 * Numeric kernels: the matrix products every layer is built on, and the convolution's
 * specification.
 *
 * <p>{@link org.tune4j.engine.kernel.ScalarMatMul} is the specification (plain loops) and the
 * fallback; {@code SimdMatMul} computes the same products with the Vector API
 * ({@code jdk.incubator.vector}): a router over its algorithms ({@code SimdBlockedProduct} around
 * the one micro-kernel {@code SimdRowPanelKernel}, {@code SimdNarrowStrip},
 * {@code SimdTransposedProducts}, {@code SimdDotProducts}), all sharing the instance's packing
 * buffers. It is reached only through {@link org.tune4j.engine.kernel.Kernels#matMul(KernelMode)},
 * a new instance per worker, so nothing outside this package loads Vector API classes.
 * {@link org.tune4j.engine.kernel.IndirectMatMul} is the same kind of product with B read through
 * a table of row offsets (the convolution without im2col):
 * {@link org.tune4j.engine.kernel.ScalarIndirectMatMul} the specification, {@code
 * SimdIndirectMatMul} the Vector API one (its two products in {@code SimdIndirectAb} and
 * {@code SimdIndirectTab}), picked by {@link org.tune4j.engine.kernel.IndirectKernels}.
 * {@link org.tune4j.engine.kernel.ElementwiseOps} are the element-wise and pooling kernels, scalar
 * and SIMD alike. {@link org.tune4j.engine.kernel.NaiveConv} is the 2-D convolution straight from
 * its definition (sizes in {@link org.tune4j.engine.kernel.ConvShape}): the specification every
 * fast convolution in {@code layer} is tested against.
 *
 * <p>This package knows nothing of layers, models or training: it takes flat row-major
 * {@code float[]} arrays with offsets. Scalar kernels are stateless; SIMD ones that need scratch
 * own it, so each worker holds its own instances (no thread-local or static mutable state).
 */
package org.tune4j.engine.kernel;
