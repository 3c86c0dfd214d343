package org.tune4j.tuner.report;

import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.data.LabeledImages;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The plot classes on their own, on synthetic inputs with known answers. */
class PlotsTest {

    private static final DimensionAxis LR = new DimensionAxis(new RealDimension("learning_rate", 1e-6, 1e-2,
            Prior.LOG_UNIFORM));
    private static final DimensionAxis LAYERS = new DimensionAxis(new IntegerDimension("num_dense_layers", 1, 5));
    private static final DimensionAxis ACTIVATION = new DimensionAxis(new CategoricalDimension("activation",
            List.of("relu", "sigmoid")));

    /** Digits drawn as text, 28 x 28, ink = 1: stand-ins for MNIST test images. */
    static TestPredictions digits(int count, int wrongEvery) {
        float[] pixels = new float[count * 28 * 28];
        int[] labels = new int[count];
        int[] predicted = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
            predicted[i] = i % wrongEvery == wrongEvery - 1 ? (labels[i] + 3) % 10 : labels[i];
            BufferedImage glyph = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = glyph.createGraphics();
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(Integer.toString(labels[i]), 8, 23);
            g.dispose();
            for (int p = 0; p < 28 * 28; p++) {
                pixels[i * 784 + p] = glyph.getRaster().getSample(p % 28, p / 28, 0) / 255f;
            }
        }
        List<String> names = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        return new TestPredictions(new LabeledImages(pixels, labels, count, 1, 28, 28, names), predicted);
    }

    @Test
    void imageGridsAndConfusionMatrixAreDrawn() {
        TestPredictions predictions = digits(100, 4);

        BufferedImage samples = ImageGridPlot.draw("Test images", predictions, predictions.first(9));
        BufferedImage wrong = ImageGridPlot.draw("Misclassified", predictions, predictions.firstMisclassified(9));
        BufferedImage confusion = ConfusionMatrixPlot.draw(predictions);

        for (BufferedImage image : List.of(samples, wrong, confusion)) {
            assertThat(Fixtures.luminanceVariance(image)).isGreaterThan(100);
        }
        assertThat(predictions.firstMisclassified(9)).containsExactly(3, 7, 11, 15, 19, 23, 27, 31, 35);
        assertThat(predictions.accuracy()).isEqualTo(0.75);
        assertThat(predictions.confusion()[3][6]).isEqualTo(5);   // every 4th image predicted label + 3
    }

    @Test
    void aModelWithoutMistakesGetsAnEmptyMisclassifiedGrid() {
        TestPredictions perfect = digits(20, Integer.MAX_VALUE);

        assertThat(perfect.firstMisclassified(9)).isEmpty();
        assertThat(Fixtures.luminanceVariance(ImageGridPlot.draw("Misclassified", perfect, new int[0])))
                .isGreaterThan(10);
    }

    @Test
    void aLogUniformIntegerRangeIsDrawnInLog10() {
        DimensionAxis batch = new DimensionAxis(new IntegerDimension("batch_size", 16, 512, Prior.LOG_UNIFORM));

        assertThat(batch.logAxis()).isTrue();
        assertThat(batch.axisValue(100)).isCloseTo(2, within(1e-12));
        assertThat(batch.formatTick(Math.log10(63.1))).isEqualTo("63");
    }

    @Test
    void aSmallLogUniformIntegerRangeGetsALinearAxisWithEveryValue() {
        DimensionAxis kernel = new DimensionAxis(new IntegerDimension("kernel_size", 2, 6, Prior.LOG_UNIFORM));

        assertThat(kernel.logAxis()).isFalse();
        assertThat(kernel.everyValueLabelled()).isTrue();
        assertThat(kernel.axisValue(3)).isEqualTo(3);
    }

    @Test
    void heatCellsMeetHalfwayInAxisSpace() {
        assertThat(HeatMapLayer.edges(LAYERS, new double[]{1, 2, 3, 4, 5}))
                .containsExactly(0.5, 1.5, 2.5, 3.5, 4.5, 5.5);
        assertThat(HeatMapLayer.edges(LR, new double[]{-6, -4, -2})).containsExactly(-6, -5, -3, -2);
    }

    @Test
    void histogramsCountPerCategoryAndPerInteger() {
        assertThat(Histogram.of(ACTIVATION, new double[]{0, 0, 1, 0}).counts()).containsExactly(3, 1);
        assertThat(Histogram.of(LAYERS, new double[]{1, 5, 5, 2}).counts()).containsExactly(1, 1, 0, 0, 2);
        Histogram lr = Histogram.of(LR, new double[]{-6, -2, Math.log10(3e-4)});
        assertThat(lr.counts()).hasSize(10);
        assertThat(IntStream.of(lr.counts()).sum()).isEqualTo(3);
    }

    @Test
    void dimensionsFormatValuesAsPeopleReadThem() {
        assertThat(LR.formatValue(1e-5)).isEqualTo("1e-05");
        assertThat(LR.axisValue(1e-5)).isCloseTo(-5, within(1e-12));
        assertThat(LR.format(-5.5)).isEqualTo("3.2e-06");
        assertThat(LR.formatTick(-2.5)).isEqualTo("0.0032");
        assertThat(LR.formatTick(-2)).isEqualTo("0.01");
        assertThat(LR.formatValue(0.0068)).isEqualTo("0.0068");
        assertThat(LAYERS.formatValue(2)).isEqualTo("2");
        assertThat(ACTIVATION.formatValue("relu")).isEqualTo("relu");
        assertThat(ACTIVATION.axisValue("sigmoid")).isEqualTo(1);
        assertThat(ACTIVATION.format(0.5)).isEmpty();
    }
}
