package org.tune4j.tuner.report;

import org.knowm.xchart.style.markers.Marker;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/**
 * A five-pointed star with a thin black outline: how every plot marks the best point (XChart has
 * no star among its markers). XChart sets the fill colour before calling {@link #paint}.
 */
final class StarMarker extends Marker {

    /** The star is drawn this much larger than the chart's other markers, to stand out. */
    private static final double SCALE = 2.0;
    private static final double MIN_SIZE = 16;

    @Override
    public void paint(Graphics2D g, double xCenter, double yCenter, int markerSize) {
        Path2D star = star(xCenter, yCenter, Math.max(markerSize * SCALE, MIN_SIZE) / 2.0);
        g.fill(star);
        Color fill = g.getColor();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(star);
        g.setColor(fill);
    }

    /** A star centred on (x, y) whose outer points lie on a circle of radius {@code outer}. */
    static Path2D star(double x, double y, double outer) {
        double inner = outer * 0.45;
        Path2D path = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double radius = k % 2 == 0 ? outer : inner;
            double angle = -Math.PI / 2 + k * Math.PI / 5;
            double px = x + radius * Math.cos(angle);
            double py = y + radius * Math.sin(angle);
            if (k == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        path.closePath();
        return path;
    }
}
