package org.tune4j.tuner.extension;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.Dataset;
import org.tune4j.engine.data.LabeledImages;

/**
 * A library user's dataset, registered in this test class path's
 * {@code META-INF/services/org.tune4j.engine.data.Dataset} only: 12 x 12 grey images of
 * horizontal or vertical stripes (every other row or column bright) under uniform noise,
 * generated from fixed seeds; 240 train, 60 validate, 60 test.
 */
public final class Stripes implements Dataset {
    static final List<String> CLASS_NAMES = List.of("horizontal", "vertical");
    private static final int SIZE = 12;

    @Override public String name() { return "stripes"; }
    @Override public String description() { return "horizontal or vertical stripes, 12 x 12, generated"; }

    @Override
    public DataSplits load(Path cacheRoot, Consumer<String> log) {
        log.accept("generating stripes");
        return new DataSplits(images(240, 1), images(60, 2), images(60, 3));
    }

    private static LabeledImages images(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pixels = new float[count * SIZE * SIZE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(2);
            int phase = rng.nextInt(2);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean bright = ((labels[i] == 0 ? y : x) + phase) % 2 == 0;
                    pixels[(i * SIZE + y) * SIZE + x] = (float) ((bright ? 0.7 : 0.0) + 0.3 * rng.nextDouble());
                }
            }
        }
        return new LabeledImages(pixels, labels, count, 1, SIZE, SIZE, CLASS_NAMES);
    }
}
