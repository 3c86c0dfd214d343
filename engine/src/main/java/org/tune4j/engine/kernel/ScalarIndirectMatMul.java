package org.tune4j.engine.kernel;

/**
 * The reference {@link IndirectMatMul}: plain loops, one float accumulator per output element,
 * summed in increasing p (for tab, in increasing j). The specification the SIMD kernel is
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
    public void tab(float[] b, int bOff, int[] rows, float[] d, int dOff, float[] c, int cOff, int n, int k, int m) {
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < m; i++) {
                float sum = c[cOff + q * m + i];
                int bq = bOff + rows[q];
                for (int j = 0; j < k; j++) {
                    sum += b[bq + j] * d[dOff + i + j * m];
                }
                c[cOff + q * m + i] = sum;
            }
        }
    }
}
