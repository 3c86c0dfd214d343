package org.tune4j.engine.kernel;

/**
 * {@link IndirectMatMul} on the Vector API, in register tiles without packing: {@link #ab} in
 * {@link SimdIndirectAb}, {@link #tab} in {@link SimdIndirectTab}. Agrees with
 * {@link ScalarIndirectMatMul} up to float rounding, and gives the same bits for the same shape on
 * every call.
 *
 * <p>Stateless and thread-safe. Load only through {@link IndirectKernels}: its algorithms link
 * against jdk.incubator.vector.
 */
public final class SimdIndirectMatMul implements IndirectMatMul {

    @Override
    public void ab(float[] a, int aOff, float[] b, int bOff, int[] rows, float[] c, int cOff,
                   int m, int k, int n, boolean accumulate) {
        SimdIndirectAb.ab(a, aOff, b, bOff, rows, c, cOff, m, k, n, accumulate);
    }

    @Override
    public void tab(float[] b, int bOff, int[] rows, float[] d, int dOff, float[] c, int cOff, int n, int k, int m) {
        SimdIndirectTab.tab(b, bOff, rows, d, dOff, c, cOff, n, k, m);
    }
}
