package org.tune4j.tuner.report;

import org.tune4j.engine.data.LabeledImages;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Test images in a 3 x 3 grid with their true and predicted classes, as the tutorial's
 * {@code plot_images}: used for sample predictions and for misclassified examples. Grayscale
 * images are drawn dark on light (ink on paper, matplotlib's {@code binary} map); a wrong
 * prediction is captioned in red.
 */
final class ImageGridPlot {

    private static final int COLUMNS = 3;
    private static final int TILE = 168;
    private static final int CAPTION = 26;
    private static final int GAP = 14;
    private static final int TITLE = 44;

    private ImageGridPlot() {
    }

    static BufferedImage draw(String title, TestPredictions predictions, int[] indices) {
        int rows = Math.max(1, (indices.length + COLUMNS - 1) / COLUMNS);
        int width = COLUMNS * (TILE + GAP) + GAP;
        int height = TITLE + rows * (TILE + CAPTION + GAP);
        BufferedImage image = PlotStyle.blank(width, height);
        Graphics2D g = PlotStyle.canvas(image);
        g.setFont(PlotStyle.TITLE);
        PlotStyle.centred(g, title, width / 2.0, 28);
        LabeledImages images = predictions.images();
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            int x = GAP + (k % COLUMNS) * (TILE + GAP);
            int y = TITLE + (k / COLUMNS) * (TILE + CAPTION + GAP);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(tile(images, i), x, y, TILE, TILE, null);
            g.setColor(Color.GRAY);
            g.drawRect(x, y, TILE, TILE);
            int trueClass = images.labels()[i];
            int predicted = predictions.predicted()[i];
            g.setColor(trueClass == predicted ? PlotStyle.INK : PlotStyle.FAILED);
            String caption = "True: " + images.classNames().get(trueClass) + ", Pred: " + images.classNames().get(predicted);
            g.setFont(fitting(g, caption, TILE + GAP - 4));
            PlotStyle.centred(g, caption, x + TILE / 2.0, y + TILE + 18);
        }
        if (indices.length == 0) {
            g.setColor(PlotStyle.INK);
            g.setFont(PlotStyle.AXIS_TITLE);
            PlotStyle.centred(g, "no images to show", width / 2.0, TITLE + TILE / 2.0);
        }
        g.dispose();
        return image;
    }

    /** The largest font from 13 down to 9 points in which {@code text} fits {@code width} pixels. */
    private static Font fitting(Graphics2D g, String text, int width) {
        Font font = new Font(PlotStyle.FONT_NAME, Font.PLAIN, 13);
        while (font.getSize() > 9 && g.getFontMetrics(font).stringWidth(text) > width) {
            font = font.deriveFont((float) font.getSize() - 1);
        }
        return font;
    }

    /** Image {@code i} at its own resolution: grayscale inverted (ink dark), RGB as it is. */
    private static BufferedImage tile(LabeledImages images, int i) {
        int h = images.height();
        int w = images.width();
        int plane = h * w;
        int offset = i * images.imageSize();
        BufferedImage tile = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int p = offset + r * w + c;
                int rgb;
                if (images.channels() >= 3) {
                    rgb = (level(images.pixels()[p]) << 16) | (level(images.pixels()[p + plane]) << 8)
                            | level(images.pixels()[p + 2 * plane]);
                } else {
                    int v = 255 - level(images.pixels()[p]);
                    rgb = (v << 16) | (v << 8) | v;
                }
                tile.setRGB(c, r, rgb);
            }
        }
        return tile;
    }

    private static int level(float value) {
        return Math.round(Math.max(0, Math.min(1, value)) * 255);
    }
}
