package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The logistic sigmoid and tanh on the Vector API, in float, around one vector exp:
 *
 * <pre>
 *   exp x    = 2^n · e^r,  n = round(x / ln 2),  r = x - n ln 2 in [-ln2/2, ln2/2]
 *              (ln 2 split in two parts so n ln 2 is exact; e^r = 1 + r + r² P(r), P of degree 5,
 *              the coefficients of Cephes' expf, S. L. Moshier, "Methods and Programs for
 *              Mathematical Functions", 1989); x clamped to [-87.3, 88.3] so that 2^n stays normal
 *   sigmoid  = 1 / (1 + exp(-x))
 *   tanh     = x + x³ Q(x²) for |x| &lt; 0.625 (Cephes' tanhf; no cancellation near 0), else
 *              sign(x) (1 - 2 / (exp(2|x|) + 1))
 * </pre>
 * Not bit-identical to the scalar specification ({@link ScalarElementwiseOps}, Math.exp and
 * Math.tanh in double, rounded once): within a few float ulps, bounded and tested in
 * ActivationSimdTest (the bound stated there and in {@link ElementwiseOps}). NaN propagates; ±∞
 * give the limits (sigmoid(-∞) about 1e-38 instead of 0). Row tails go to the scalar code.
 * Stateless; loaded only through {@code SimdElementwiseOps}.
 */
final class SimdActivations {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;      // exact in float, few bits
    private static final float LN2_LO = -2.12194440e-4f;   // ln 2 - LN2_HI
    private static final float ROUND = 12582912f;          // 1.5 * 2^23: x + ROUND - ROUND rounds to an integer
    private static final float[] EXP_P = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
        4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};
    private static final float[] TANH_Q = {-5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f,
        1.33314422036e-1f, -3.33332819422e-1f};

    private SimdActivations() {
    }

    /** y[i] = sigmoid(x[i]) for i &lt; size; y may be x. */
    static void sigmoid(float[] x, float[] y, int size, ScalarElementwiseOps tail) {
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += L) {
            FloatVector e = exp(FloatVector.fromArray(S, x, i).neg());
            FloatVector.broadcast(S, 1f).div(e.add(1f)).intoArray(y, i);
        }
        tail.sigmoid(x, y, i, size);
    }

    /** y[i] = tanh(x[i]) for i &lt; size; y may be x. */
    static void tanh(float[] x, float[] y, int size, ScalarElementwiseOps tail) {
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector a = v.abs();
            FloatVector z = v.mul(v);
            FloatVector q = FloatVector.broadcast(S, TANH_Q[0]);
            for (int k = 1; k < TANH_Q.length; k++) {
                q = q.mul(z).add(TANH_Q[k]);
            }
            FloatVector small = q.mul(z).mul(v).add(v);
            FloatVector large = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(a.mul(2f)).add(1f)));
            large = large.blend(large.neg(), v.compare(VectorOperators.LT, 0f));
            large.blend(small, a.compare(VectorOperators.LT, 0.625f)).intoArray(y, i);
        }
        tail.tanh(x, y, i, size);
    }

    /** e^x lane-wise, x clamped to [-87.3, 88.3]; NaN stays NaN. */
    static FloatVector exp(FloatVector x) {
        x = x.max(-87.3f).min(88.3f);
        FloatVector t = x.mul(LOG2E).add(ROUND);
        FloatVector n = t.sub(ROUND);
        FloatVector r = x.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
        FloatVector p = FloatVector.broadcast(S, EXP_P[0]);
        for (int k = 1; k < EXP_P.length; k++) {
            p = p.mul(r).add(EXP_P[k]);
        }
        FloatVector er = p.mul(r.mul(r)).add(r).add(1f);
        IntVector bits = t.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUND));  // n as an int
        FloatVector scale = bits.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return er.mul(scale);
    }
}
