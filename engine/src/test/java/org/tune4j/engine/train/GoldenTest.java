package org.tune4j.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tune4j.engine.reference.Numeric.assertClose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tune4j.engine.io.TestJson;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.engine.model.Sequential;

/**
 * tune4j against PyTorch: logits, loss and every parameter gradient of small tutorial-like
 * networks with fixed weights and inputs, as written by {@code golden/make_golden.py} (PyTorch in
 * float64 on float32-representable weights and inputs, layouts converted to tune4j's).
 *
 * <p>Tolerance: |tune4j - torch| &lt;= 1e-5 + 1e-4 |torch| for logits and the loss, 1e-6 + 1e-4
 * |torch| for gradients: the whole difference is tune4j's float32 arithmetic.
 */
class GoldenTest {

    /** Every golden case with both kernels. */
    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/golden.json")) {
            Map<?, ?> root = (Map<?, ?>) TestJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<?>) root.get("cases")).stream()
                    .flatMap(c -> Stream.of(KernelMode.values()).map(mode -> Arguments.of(((Map<?, ?>) c).get("name"), c, mode)));
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void matchesPyTorch(String name, Map<?, ?> golden, KernelMode kernels) {
        List<?> input = (List<?>) golden.get("input");
        Sequential.Builder builder = Sequential.builder(integer(input.get(0)), integer(input.get(1)), integer(input.get(2)));
        for (Object layer : (List<?>) golden.get("layers")) {
            TestJson.addLayer(builder, (Map<?, ?>) layer);
        }
        float[] params = floats(golden.get("parameters"));
        Sequential model = builder.buildWith(params);
        int n = integer(golden.get("batch"));
        int[] labels = ((List<?>) golden.get("labels")).stream().mapToInt(GoldenTest::integer).toArray();

        Worker worker = new Worker(model, n, kernels);
        float[] images = floats(golden.get("inputs"));
        System.arraycopy(images, 0, worker.input(), 0, images.length);
        worker.setLabels(labels);
        double loss = worker.forwardBackward(n, n) / n;

        double[] logits = doubles(golden.get("logits"));
        assertClose(golden.get("name") + " logits", worker.output(model.layers().size() - 1), 0, logits, 1e-5, 1e-4);
        double expectedLoss = ((Number) golden.get("loss")).doubleValue();
        assertThat(loss).isCloseTo(expectedLoss, within(1e-5 + 1e-4 * expectedLoss));
        assertClose(golden.get("name") + " gradients", worker.gradients(), 0, doubles(golden.get("gradients")), 1e-6, 1e-4);
    }

    private static int integer(Object o) {
        return ((Number) o).intValue();
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static float[] floats(Object list) {
        double[] d = doubles(list);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
