package org.tune4j.tuner.study;

import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.LabeledImages;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Tiny synthetic images for the study tests that train real networks in milliseconds: 8 x 8, one
 * channel, two classes ("top": the top half bright, "bottom": the bottom half), with noise.
 */
final class TopOrBottomImages {
    private TopOrBottomImages() {
    }

    /** {@code count} images drawn from {@code seed}. */
    static LabeledImages of(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pixels = new float[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(2);
            for (int p = 0; p < 64; p++) {
                boolean top = p < 32;
                pixels[i * 64 + p] = (float) (0.2 * rng.nextDouble() + ((top == (labels[i] == 0)) ? 0.8 : 0));
            }
        }
        return new LabeledImages(pixels, labels, count, 1, 8, 8, List.of("top", "bottom"));
    }

    /** 64 training, 32 validation and 32 test images (seeds 1, 2, 3). */
    static DataSplits splits() {
        return new DataSplits(of(64, 1), of(32, 2), of(32, 3));
    }
}
