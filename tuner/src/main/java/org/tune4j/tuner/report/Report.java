package org.tune4j.tuner.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter#write} produced.
 *
 * @param html    the report page, {@code RUN_DIR/report.html}
 * @param figures the plots drawn, in page order (files under {@code RUN_DIR/plots/})
 * @param notes   plots skipped and why (also shown on the page), e.g. no best model in the run
 */
public record Report(Path html, List<Figure> figures, List<String> notes) {

    public Report {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    /**
     * One plot of the report.
     *
     * @param file    the PNG file
     * @param title   a short title
     * @param caption how to read it
     */
    public record Figure(Path file, String title, String caption) {
    }
}
