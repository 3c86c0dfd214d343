package org.tune4j.tuner.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Composes sub-charts into one image: a title band on top, then an n x m matrix of equal cells,
 * and optionally a strip on the right (e.g. a colour bar). Cells left empty stay white, as the
 * upper triangle of skopt's matrix plots does.
 */
final class ChartGrid {

    private static final int TITLE_HEIGHT = 40;

    private final int rows;
    private final int columns;
    private final int cellWidth;
    private final int cellHeight;
    private final int sideWidth;
    private final BufferedImage image;

    ChartGrid(int rows, int columns, int cellWidth, int cellHeight, int sideWidth, String title) {
        this.rows = rows;
        this.columns = columns;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.sideWidth = sideWidth;
        this.image = PlotStyle.blank(columns * cellWidth + sideWidth, TITLE_HEIGHT + rows * cellHeight);
        Graphics2D g = PlotStyle.canvas(image);
        g.setFont(PlotStyle.TITLE);
        PlotStyle.centred(g, title, image.getWidth() / 2.0, 26);
        g.dispose();
    }

    /** Draws {@code cell} (scaled if its size differs) at (row, column). */
    void put(int row, int column, BufferedImage cell) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + column + ") outside a "
                    + rows + " x " + columns + " grid");
        }
        Graphics2D g = image.createGraphics();
        g.drawImage(cell, column * cellWidth, TITLE_HEIGHT + row * cellHeight, cellWidth, cellHeight, Color.WHITE, null);
        g.dispose();
    }

    /** Draws {@code strip} in the side strip, vertically centred. */
    void putSide(BufferedImage strip) {
        Graphics2D g = image.createGraphics();
        int top = TITLE_HEIGHT + Math.max(0, (rows * cellHeight - strip.getHeight()) / 2);
        g.drawImage(strip, columns * cellWidth, top, null);
        g.dispose();
    }

    BufferedImage image() {
        return image;
    }
}
