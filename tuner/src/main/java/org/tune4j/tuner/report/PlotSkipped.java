package org.tune4j.tuner.report;

/**
 * A plot that cannot be drawn for this run, and why (e.g. "no best-model.t4j in the run
 * directory"). The report shows the reason in place of the plot; it is not an error of the report.
 */
final class PlotSkipped extends Exception {

    private static final long serialVersionUID = 1L;

    PlotSkipped(String reason) {
        super(reason);
    }

    PlotSkipped(String reason, Throwable cause) {
        super(reason, cause);
    }
}
