package org.tune4j.engine.train;

import java.util.List;
import java.util.SplittableRandom;
import org.tune4j.engine.data.LabeledImages;

/** A separable toy set for training tests: class k has a bright 3x3 patch somewhere in quadrant k of an 8x8 image, plus noise. */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    public static LabeledImages quadrants(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int size = 8;
        float[] pixels = new float[count * size * size];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int k = rng.nextInt(4);
            labels[i] = k;
            for (int p = 0; p < size * size; p++) {
                pixels[i * size * size + p] = (float) (0.3 * rng.nextDouble());
            }
            int top = (k / 2) * 4 + rng.nextInt(2);
            int left = (k % 2) * 4 + rng.nextInt(2);
            for (int y = top; y < top + 3; y++) {
                for (int x = left; x < left + 3; x++) {
                    pixels[i * size * size + y * size + x] = 1f;
                }
            }
        }
        return new LabeledImages(pixels, labels, count, 1, size, size, List.of("top-left", "top-right", "bottom-left", "bottom-right"));
    }
}
