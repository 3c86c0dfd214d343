package org.tune4j.engine.kernel;

/**
 * The reference {@link IndirectMatMul}: plain loops, one float accumulator per output element,
 * summed in increasing p (and, for abt, batch by batch). The specification the SIMD kernel is
 * tested against and the fallback without the Vector API.
 */
public final class ScalarIndirectMatMul implements IndirectMatMul {

    @Override
    public void ab(float[] a, int aOff, float[] b, int bOff, int[] rows, float[] c, int cOff,
                   int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c[cOff + i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * k + p] * b[bOff + rows[p] + j];
                }
                c[cOff + i * n + j] = sum;
            }
        }
    }

    @Override
    public void abt(float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, int[] rows,
                    float[] c, int cOff, int m, int k, int n, int batch) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = c[cOff + i * n + j];
                for (int t = 0; t < batch; t++) {
                    int ai = aOff + t * aStride + i * k;
                    int bj = bOff + t * bStride + rows[j];
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p] * b[bj + p];
                    }
                }
                c[cOff + i * n + j] = sum;
            }
        }
    }
}
