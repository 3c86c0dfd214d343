package org.tune4j.tuner.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.DoubleFunction;

/**
 * A vertical colour key: a gradient strip with a label at its top and bottom and a title above,
 * drawn beside a matrix of plots (XChart draws no colour bar for XY charts).
 */
final class ColourBar {

    private ColourBar() {
    }

    /**
     * @param title       text above the strip
     * @param colour      the colour for a fraction t in [0, 1] from bottom to top
     * @param topLabel    label beside the top
     * @param bottomLabel label beside the bottom
     */
    static BufferedImage draw(String title, DoubleFunction<Color> colour,
                              String topLabel, String bottomLabel, int width, int height) {
        BufferedImage image = PlotStyle.blank(width, height);
        Graphics2D g = PlotStyle.canvas(image);
        int stripX = 14;
        int stripWidth = 18;
        int top = 40;
        int bottom = height - 20;
        for (int y = top; y <= bottom; y++) {
            double t = (double) (bottom - y) / (bottom - top);
            g.setColor(colour.apply(t));
            g.drawLine(stripX, y, stripX + stripWidth, y);
        }
        g.setColor(Color.GRAY);
        g.drawRect(stripX, top, stripWidth, bottom - top);
        g.setColor(PlotStyle.INK);
        g.setFont(PlotStyle.SMALL);
        g.drawString(topLabel, stripX + stripWidth + 5, top + 8);
        g.drawString(bottomLabel, stripX + stripWidth + 5, bottom);
        g.setFont(PlotStyle.TICKS);
        g.drawString(title, 6, top - 16);
        g.dispose();
        return image;
    }
}
