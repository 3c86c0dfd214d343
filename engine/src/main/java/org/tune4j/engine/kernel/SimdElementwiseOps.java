package org.tune4j.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementwiseOps} on the Vector API, bit-identical to {@link ScalarElementwiseOps} except
 * sigmoid and tanh ({@link SimdActivations}: within the bounds stated on the interface).
 *
 * <p><b>Max pooling</b> works on blocks of output rows in two passes through a small scratch
 * (L1-resident) owned by the instance:
 * <ol>
 *   <li>vertical: for every input column of a row pair, the larger of top and bottom (the top on
 *       a tie) into {@code v}, and where it came from (0 top, 2 bottom) into {@code c};</li>
 *   <li>horizontal: since the rows of {@code v} are contiguous and even in length, window o is the
 *       pair (2o, 2o + 1) of {@code v} whatever its row; even and odd lanes are split by a shuffle
 *       and the right one wins when larger, or equal and earlier in the order 0, 1, 2, 3
 *       (a tie between top-right and bottom-left goes to top-right).</li>
 * </ol>
 * Float comparisons give the scalar order except for NaN; a block holding a NaN is redone by the
 * scalar specification (NaN means the training diverged, so speed no longer matters there).
 *
 * <p>Not thread-safe (the scratch): one instance per worker's layer state. Load only through
 * {@link ElementwiseKernels}: this class links against jdk.incubator.vector.
 */
public final class SimdElementwiseOps implements ElementwiseOps {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Target scratch size in floats per array (two arrays stay well inside a 48 KB L1). */
    private static final int BLOCK_FLOATS = 4096;

    // Lanes 0, 2, .. (EVEN) and 1, 3, .. (ODD) of a pair of vectors (a, b): each vector's own even
    // or odd lanes moved to the low half (from a) or the high half (from b), then one blend. Two
    // one-vector rearranges: JDK 17 runs the two-vector rearrange(shuffle, b) several times slower.
    private static final VectorShuffle<Float> EVEN = shuffle(0);     // lane i takes lane 2i mod L
    private static final VectorShuffle<Float> ODD = shuffle(1);      // lane i takes lane (2i + 1) mod L
    private static final VectorMask<Float> HIGH_HALF = VectorMask.fromLong(S, -1L << (L / 2));
    private static final VectorShuffle<Float> DUP_LOW = duplicate(0);       // x0 x0 x1 x1 ..
    private static final VectorShuffle<Float> DUP_HIGH = duplicate(L / 2);  // x(L/2) x(L/2) ..
    private static final FloatVector PARITY = parity();              // 0 1 0 1 ..

    private final ScalarElementwiseOps scalar = new ScalarElementwiseOps();
    private final Scratch scratch = new Scratch();

    /**
     * Whether a masked vector store compiles to one instruction. JDK 17's incubator stores a masked
     * vector lane by lane in Java (its source: "FIXME: optimize"), so row tails are scalar there;
     * JDK 18 and later compile it (AVX-512 masked moves).
     */
    private final boolean maskedStores;

    public SimdElementwiseOps() {
        this(Runtime.version().feature() >= 18);
    }

    /** For tests: masked row tails (true) or scalar ones, whatever this JDK would pick. */
    SimdElementwiseOps(boolean maskedStores) {
        this.maskedStores = maskedStores;
    }

    /** The pooling buffers, grown on first need and then reused (no allocation per call). */
    private static final class Scratch {
        float[] v = new float[0];
        float[] c = new float[0];

        void ensure(int size) {
            if (v.length < size) {
                v = new float[size];
                c = new float[size];
            }
        }
    }

    private static VectorShuffle<Float> shuffle(int first) {
        int[] idx = new int[L];
        for (int i = 0; i < L; i++) {
            idx[i] = (2 * i + first) % L;
        }
        return VectorShuffle.fromArray(S, idx, 0);
    }

    private static VectorShuffle<Float> duplicate(int first) {
        int[] idx = new int[L];
        for (int i = 0; i < L; i++) {
            idx[i] = first + i / 2;
        }
        return VectorShuffle.fromArray(S, idx, 0);
    }

    private static FloatVector parity() {
        float[] p = new float[L];
        for (int i = 0; i < L; i++) {
            p[i] = i % 2;
        }
        return FloatVector.fromArray(S, p, 0);
    }

    @Override
    public void relu(float[] x, float[] y, int size) {
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += L) {
            FloatVector.fromArray(S, x, i).max(0f).intoArray(y, i);  // lane-wise Math.max: NaN stays NaN
        }
        scalar.relu(x, y, i, size);
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int size) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f);  // false for NaN
            zero.blend(FloatVector.fromArray(S, dy, i), positive).intoArray(dx, i);
        }
        scalar.reluBackward(y, dy, dx, i, size);
    }

    /** Not bit-identical: see {@link SimdActivations} and the bound on {@link ElementwiseOps#sigmoid}. */
    @Override
    public void sigmoid(float[] x, float[] y, int size) {
        SimdActivations.sigmoid(x, y, size, scalar);
    }

    /** Not bit-identical: see {@link SimdActivations} and the bound on {@link ElementwiseOps#tanh}. */
    @Override
    public void tanh(float[] x, float[] y, int size) {
        SimdActivations.tanh(x, y, size, scalar);
    }

    @Override
    public void copyRows(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride,
                         int width, int rows) {
        moveRows(src, srcOff, srcStride, dst, dstOff, dstStride, width, rows, false, 0f);
    }

    @Override
    public void packRowsPlusBias(float[] src, int srcOff, int srcStride, float bias, float[] dst, int dstOff,
                                 int width, int rows) {
        moveRows(src, srcOff, srcStride, dst, dstOff, width, width, rows, true, bias);
    }

    /**
     * copyRows, plus the bias when plusBias (a plain copy adds nothing: -0 stays -0). Whole vectors
     * per row, then the row's last width mod L floats as one masked vector (scalars on JDK 17).
     */
    private void moveRows(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride,
                          int width, int rows, boolean plusBias, float bias) {
        int full = width - width % L;
        // lanes full .. width - 1, built only where a masked tail runs (JDK 17 never uses it)
        VectorMask<Float> tail = maskedStores && full < width ? S.indexInRange(full, width) : null;
        for (int r = 0; r < rows; r++) {
            int s = srcOff + r * srcStride;
            int d = dstOff + r * dstStride;
            for (int x = 0; x < full; x += L) {
                FloatVector v = FloatVector.fromArray(S, src, s + x);
                (plusBias ? v.add(bias) : v).intoArray(dst, d + x);
            }
            if (full == width) {
                continue;
            }
            if (maskedStores) {
                FloatVector v = FloatVector.fromArray(S, src, s + full, tail);
                (plusBias ? v.add(bias) : v).intoArray(dst, d + full, tail);
            } else {
                for (int x = full; x < width; x++) {
                    dst[d + x] = plusBias ? src[s + x] + bias : src[s + x];
                }
            }
        }
    }

    @Override
    public void addColumnSums(float[] d, int off, int rows, int m, float[] out) {
        int i = 0;
        for (; i + L <= m; i += L) {
            FloatVector sum = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) {
                sum = sum.add(FloatVector.fromArray(S, d, off + r * m + i));
            }
            sum.add(FloatVector.fromArray(S, out, i)).intoArray(out, i);
        }
        scalar.addColumnSums(d, off, rows, m, out, i);
    }

    @Override
    public void maxPool2x2(float[] x, int rows, int w, float[] y, float[] corner) {
        int ow = w / 2;
        int vectorsPerRow = (w + L - 1) / L;
        int blockRows = L * Math.max(1, BLOCK_FLOATS / (L * w));  // a multiple of L: full vectors of windows
        Scratch s = scratch;
        s.ensure(blockRows * w + vectorsPerRow * L);
        for (int r0 = 0; r0 < rows; r0 += blockRows) {
            int here = Math.min(blockRows, rows - r0);
            if (!vertical(x, r0, here, w, vectorsPerRow, s)) {
                scalar.maxPool2x2(x, r0, r0 + here, w, y, corner);  // a NaN in the block
                continue;
            }
            horizontal(s, here * ow, y, corner, r0 * ow);
        }
    }

    /** Pass 1 over output rows r0 .. r0+here; false when a NaN was seen (scratch then unusable). */
    private static boolean vertical(float[] x, int r0, int here, int w, int vectorsPerRow, Scratch s) {
        float[] v = s.v;
        float[] c = s.c;
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector zero = FloatVector.zero(S);
        int lastVector = (vectorsPerRow - 1) * L;
        VectorMask<Float> inLastVector = S.indexInRange(lastVector, w);  // the row's own lanes of its last vector
        boolean nan = false;
        for (int i = 0; i < here; i++) {
            int top = 2 * (r0 + i) * w;
            int bottom = top + w;
            int dst = i * w;
            if (bottom + vectorsPerRow * L > x.length) {  // the last vector would read past the array
                for (int j = 0; j < w; j++) {
                    float t = x[top + j];
                    float b = x[bottom + j];
                    nan |= t != t || b != b;
                    v[dst + j] = b > t ? b : t;
                    c[dst + j] = b > t ? 2f : 0f;
                }
                continue;
            }
            for (int j = 0; j < vectorsPerRow * L; j += L) {  // may run past the row into the next (rewritten next)
                FloatVector t = FloatVector.fromArray(S, x, top + j);
                FloatVector b = FloatVector.fromArray(S, x, bottom + j);
                VectorMask<Float> lower = b.compare(VectorOperators.GT, t);
                VectorMask<Float> isNan = t.compare(VectorOperators.NE, t).or(b.compare(VectorOperators.NE, b));
                if (j == lastVector) {
                    isNan = isNan.and(inLastVector);  // lanes past the row may hold anything
                }
                nan |= isNan.anyTrue();
                t.blend(b, lower).intoArray(v, dst + j);
                zero.blend(two, lower).intoArray(c, dst + j);
            }
        }
        return !nan;
    }

    /** Pass 2: windows o &lt; count of the block from the vertical winners; outputs at y[out + o]. */
    private static void horizontal(Scratch s, int count, float[] y, float[] corner, int out) {
        float[] v = s.v;
        float[] c = s.c;
        FloatVector one = FloatVector.broadcast(S, 1f);
        int o = 0;
        for (; o + L <= count; o += L) {
            FloatVector v0 = FloatVector.fromArray(S, v, 2 * o);
            FloatVector v1 = FloatVector.fromArray(S, v, 2 * o + L);
            FloatVector c0 = FloatVector.fromArray(S, c, 2 * o);
            FloatVector c1 = FloatVector.fromArray(S, c, 2 * o + L);
            FloatVector left = v0.rearrange(EVEN).blend(v1.rearrange(EVEN), HIGH_HALF);
            FloatVector right = v0.rearrange(ODD).blend(v1.rearrange(ODD), HIGH_HALF);
            FloatVector leftCorner = c0.rearrange(EVEN).blend(c1.rearrange(EVEN), HIGH_HALF);
            FloatVector rightCorner = c0.rearrange(ODD).blend(c1.rearrange(ODD), HIGH_HALF).add(one);
            VectorMask<Float> rightWins = right.compare(VectorOperators.GT, left)
                    .or(right.compare(VectorOperators.EQ, left).and(rightCorner.compare(VectorOperators.LT, leftCorner)));
            left.blend(right, rightWins).intoArray(y, out + o);
            leftCorner.blend(rightCorner, rightWins).intoArray(corner, out + o);
        }
        for (; o < count; o++) {
            float left = v[2 * o];
            float right = v[2 * o + 1];
            float leftCorner = c[2 * o];
            float rightCorner = c[2 * o + 1] + 1f;
            boolean rightWins = right > left || (right == left && rightCorner < leftCorner);
            y[out + o] = rightWins ? right : left;
            corner[out + o] = rightWins ? rightCorner : leftCorner;
        }
    }

    @Override
    public void maxPool2x2Backward(float[] corner, float[] dy, int rows, int w, float[] dx) {
        int ow = w / 2;
        int blockRows = L * Math.max(1, BLOCK_FLOATS / (L * w));
        Scratch s = scratch;
        s.ensure(blockRows * w + 2 * L);
        float[] top = s.v;      // the block's top-row gradients, rows of w contiguous
        float[] bottom = s.c;   // and its bottom-row gradients
        FloatVector zero = FloatVector.zero(S);
        FloatVector bottomParity = PARITY.add(2f);  // corners 2 3 2 3 ..
        for (int r0 = 0; r0 < rows; r0 += blockRows) {
            int here = Math.min(blockRows, rows - r0);
            int count = here * ow;
            int first = r0 * ow;
            int o = 0;
            for (; o + L <= count; o += L) {  // window o's gradient goes to lanes 2o, 2o+1 of its row pair
                FloatVector k = FloatVector.fromArray(S, corner, first + o);
                FloatVector g = FloatVector.fromArray(S, dy, first + o);
                FloatVector g0 = g.rearrange(DUP_LOW);
                FloatVector g1 = g.rearrange(DUP_HIGH);
                FloatVector k0 = k.rearrange(DUP_LOW);
                FloatVector k1 = k.rearrange(DUP_HIGH);
                zero.blend(g0, k0.compare(VectorOperators.EQ, PARITY)).intoArray(top, 2 * o);
                zero.blend(g1, k1.compare(VectorOperators.EQ, PARITY)).intoArray(top, 2 * o + L);
                zero.blend(g0, k0.compare(VectorOperators.EQ, bottomParity)).intoArray(bottom, 2 * o);
                zero.blend(g1, k1.compare(VectorOperators.EQ, bottomParity)).intoArray(bottom, 2 * o + L);
            }
            for (; o < count; o++) {
                float g = dy[first + o];
                int k = (int) corner[first + o];
                top[2 * o] = k == 0 ? g : 0f;
                top[2 * o + 1] = k == 1 ? g : 0f;
                bottom[2 * o] = k == 2 ? g : 0f;
                bottom[2 * o + 1] = k == 3 ? g : 0f;
            }
            for (int i = 0; i < here; i++) {
                int dst = 2 * (r0 + i) * w;
                System.arraycopy(top, i * w, dx, dst, w);
                System.arraycopy(bottom, i * w, dx, dst + w, w);
            }
        }
    }
}
