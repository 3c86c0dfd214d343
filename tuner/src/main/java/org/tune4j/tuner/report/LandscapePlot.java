package org.tune4j.tuner.report;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One large 2-D landscape of the surrogate, as the tutorial's {@code plot_objective_2D} over
 * learning rate x number of dense layers: the partial dependence as a heat map (yellow = lowest
 * predicted value = highest accuracy), the sampled points as black dots, the best as a red star.
 */
final class LandscapePlot {

    private static final int WIDTH = 820;
    private static final int HEIGHT = 620;
    private static final int BAR_WIDTH = 150;

    private LandscapePlot() {
    }

    static BufferedImage draw(Dependence dependence, Samples samples, int xDim, int yDim) {
        List<DimensionAxis> space = dependence.space();
        Dependence.Surface surface = dependence.surface(xDim, yDim);
        ColourScale scale = ColourScale.spanning(List.of(surface));
        ChartGrid grid = new ChartGrid(1, 1, WIDTH, HEIGHT, BAR_WIDTH, "Landscape of the surrogate: "
                + space.get(xDim).name() + " x " + space.get(yDim).name() + " (partial dependence)");
        grid.put(0, 0, PartialDependencePlot.surface(surface, space, samples, scale, WIDTH, HEIGHT));
        grid.putSide(scale.bar("predicted value", BAR_WIDTH, 360));
        return grid.image();
    }
}
