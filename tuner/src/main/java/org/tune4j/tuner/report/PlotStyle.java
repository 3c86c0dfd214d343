package org.tune4j.tuner.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.tune4j.tuner.storage.AtomicFiles;

/**
 * The look shared by every plot of a report: fonts, colours, the viridis colour ramp, axis set-up
 * for a search-space dimension, and PNG output. Keeping it in one place is what makes the plots
 * look like one family; each plot class only says what to draw.
 */
final class PlotStyle {

    static final String FONT_NAME = Font.SANS_SERIF;
    static final Font TITLE = new Font(FONT_NAME, Font.BOLD, 16);
    static final Font AXIS_TITLE = new Font(FONT_NAME, Font.PLAIN, 13);
    static final Font TICKS = new Font(FONT_NAME, Font.PLAIN, 11);
    static final Font SMALL = new Font(FONT_NAME, Font.PLAIN, 10);

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color BAR = new Color(0x3b, 0x75, 0xaf);
    static final Color FAILED = new Color(0xd6, 0x27, 0x28);
    /** Pruned trials: stopped early by the pruner (orange, beside failed red). */
    static final Color PRUNED = new Color(0xff, 0x7f, 0x0e);
    static final Color BEST = new Color(0xe4, 0x1a, 0x1c);
    static final Color SAMPLE = new Color(0x11, 0x11, 0x11);
    static final Color TRANSPARENT = new Color(0, 0, 0, 0);


    /** Viridis anchors (matplotlib's default colour map), from dark purple (0) to yellow (1). */
    private static final Color[] VIRIDIS = {
            new Color(0x44, 0x01, 0x54), new Color(0x48, 0x28, 0x78), new Color(0x3e, 0x4a, 0x89),
            new Color(0x31, 0x68, 0x8e), new Color(0x26, 0x82, 0x8e), new Color(0x1f, 0x9e, 0x89),
            new Color(0x35, 0xb7, 0x79), new Color(0x6e, 0xce, 0x58), new Color(0xb5, 0xde, 0x2b),
            new Color(0xfd, 0xe7, 0x25)};

    private PlotStyle() {
    }

    /** The viridis colour at {@code t} in [0, 1] (clamped), linearly interpolated between anchors. */
    static Color viridis(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (VIRIDIS.length - 1);
        int i = Math.min((int) position, VIRIDIS.length - 2);
        double f = position - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** White background, grey grid, no legend, readable fonts: the base of every XChart plot. */
    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(GRID);
        styler.setChartTitleFont(TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(AXIS_TITLE);
        styler.setAxisTickLabelsFont(TICKS);
        styler.setAxisTickLabelsColor(INK);
        styler.setLegendVisible(false);
        styler.setLegendFont(TICKS);
        styler.setChartPadding(8);
        styler.setAntiAlias(true);
    }

    /** A small sub-chart of a matrix: smaller fonts and padding, same look. */
    static void applySmall(AxesChartStyler styler) {
        apply(styler);
        styler.setChartTitleFont(new Font(FONT_NAME, Font.BOLD, 12));
        styler.setAxisTitleFont(new Font(FONT_NAME, Font.PLAIN, 11));
        styler.setAxisTickLabelsFont(SMALL);
        styler.setChartPadding(4);
    }

    /**
     * Puts {@code dim} on the x axis (or y axis) of {@code chart}, in axis space (see
     * {@link DimensionAxis}): the dimension's range, tick labels that show values (1e-06, 1e-05, ...
     * on a log axis), whole numbers for an integer dimension, a name at every category.
     */
    static void dimensionAxis(XYChart chart, DimensionAxis dim, boolean xAxis) {
        AxesChartStyler s = chart.getStyler();
        double[] range = axisRange(dim);
        if (xAxis) {
            chart.setXAxisTitle(dim.name() + (dim.logAxis() ? " (log scale)" : ""));
            s.setXAxisMin(range[0]);
            s.setXAxisMax(range[1]);
        } else {
            chart.setYAxisTitle(dim.name() + (dim.logAxis() ? " (log scale)" : ""));
            s.setYAxisMin(range[0]);
            s.setYAxisMax(range[1]);
        }
        if (dim.everyValueLabelled()) {
            stepOneTicks(chart, dim, xAxis);
        } else if (dim.logAxis()) {
            labels(s, xAxis, dim::formatTick);   // XChart keeps labels distinct by widening its step
        } else if (dim.kind() == DimensionAxis.Kind.INTEGER) {
            decimalPattern(s, xAxis, "0");
        }
    }

    /**
     * The drawn range of a dimension's axis: {@link DimensionAxis#axisMin()} to
     * {@link DimensionAxis#axisMax()}, widened by 3% on each side unless every value has its own
     * tick, so that points on the bounds, such as a learning rate of exactly 1e-2, are drawn whole
     * and the end ticks are labelled.
     */
    static double[] axisRange(DimensionAxis dim) {
        double low = dim.axisMin();
        double high = dim.axisMax();
        double pad = dim.everyValueLabelled() ? 0 : 0.03 * (high - low);
        return new double[]{low - pad, high + pad};
    }

    private static void labels(AxesChartStyler s, boolean xAxis, Function<Double, String> labels) {
        if (xAxis) {
            s.setxAxisTickLabelsFormattingFunction(labels);
        } else {
            s.setyAxisTickLabelsFormattingFunction(labels);
        }
    }

    private static void decimalPattern(AxesChartStyler s, boolean xAxis, String pattern) {
        if (xAxis) {
            s.setXAxisDecimalPattern(pattern);
        } else {
            s.setYAxisDecimalPattern(pattern);
        }
    }

    /**
     * A tick at every category (its name) or every whole number of a small integer range. XChart
     * widens its tick step until all labels (including those just outside the axis, which it does
     * not draw) are distinct, so positions between categories get their plain number as a label;
     * the spacing hint makes a step of exactly 1 the first step it tries, so only names are drawn.
     */
    private static void stepOneTicks(XYChart chart, DimensionAxis dim, boolean xAxis) {
        AxesChartStyler s = chart.getStyler();
        labels(s, xAxis, x -> {
            boolean whole = Math.abs(x - Math.rint(x)) < 1e-9;
            String label = dim.format(x);
            return whole && !label.isEmpty() ? label : Double.toString(x);
        });
        double plotPixels = 0.92 * ((xAxis ? chart.getWidth() : chart.getHeight()) - 90);
        int oneStepHint = (int) Math.max(20, 1.1 * plotPixels / (dim.axisMax() - dim.axisMin()));
        if (xAxis) {
            s.setXAxisTickMarkSpacingHint(oneStepHint);
        } else {
            s.setYAxisTickMarkSpacingHint(oneStepHint);
        }
    }

    /** Renders an XChart chart to an image of its own size. */
    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** A white image with anti-aliased drawing set up; the caller disposes the graphics. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        return g;
    }

    /** A new white RGB image of the given size. */
    static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        canvas(image).dispose();
        return image;
    }

    /** Draws {@code text} centred horizontally on {@code centerX} with its baseline at {@code baseline}. */
    static void centred(Graphics2D g, String text, double centerX, double baseline) {
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (centerX - width / 2.0), (float) baseline);
    }

    /**
     * Writes {@code image} as PNG, atomically (encoded in memory, then {@link AtomicFiles}: ImageIO
     * writing to a file it cannot create prints its own stack trace, and a failed write must leave
     * no partial file behind).
     */
    static void writePng(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer available to write " + file);
        }
        AtomicFiles.write(file, png.toByteArray());
    }
}
