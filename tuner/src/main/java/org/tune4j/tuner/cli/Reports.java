package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.tuner.report.Report;
import org.tune4j.tuner.report.ReportOptions;
import org.tune4j.tuner.report.ReportWriter;

/** The one call site of the report package: plots and report.html from a run directory. */
final class Reports {
    private Reports() {
    }

    /** Writes the report of {@code runDir} (data sets from {@code cacheDir}) and returns report.html's path. */
    static Path write(Path runDir, Path cacheDir, int threads, PrintStream log) throws IOException {
        return write(runDir, cacheDir, threads, log, true);
    }

    /** As above; {@code showNotes} false leaves out the report's notes on plots it could not draw. */
    static Path write(Path runDir, Path cacheDir, int threads, PrintStream log, boolean showNotes) throws IOException {
        return write(runDir, ReportOptions.defaults().withDataCacheDir(cacheDir).withThreads(threads), log, showNotes);
    }

    private static Path write(Path runDir, ReportOptions options, PrintStream log, boolean showNotes) throws IOException {
        Report report = ReportWriter.write(runDir, options, line -> log.println("tune4j: " + line));
        if (showNotes) {
            for (String note : report.notes()) {
                log.println("tune4j: report: " + note);
            }
        }
        return report.html();
    }

    /**
     * At the end of a study: writes the report and prints its path on {@code out}, or, when it
     * cannot be drawn, a warning on {@code err} with the command that retries it. Never throws: the
     * study's results are already on disk.
     */
    static void writeAfterStudy(Path runDir, Path cacheDir, int threads, PrintStream out, PrintStream err,
                                boolean showNotes) {
        writeAfterStudy(runDir, ReportOptions.defaults().withDataCacheDir(cacheDir).withThreads(threads), out, err,
                showNotes);
    }

    /** As above, with the study's test images already loaded (not read and verified a second time). */
    static void writeAfterStudy(Path runDir, Path cacheDir, int threads, LabeledImages testImages, PrintStream out,
                                PrintStream err) {
        writeAfterStudy(runDir, ReportOptions.defaults().withDataCacheDir(cacheDir).withThreads(threads)
                .withTestImages(testImages), out, err, true);
    }

    private static void writeAfterStudy(Path runDir, ReportOptions options, PrintStream out, PrintStream err,
                                        boolean showNotes) {
        try {
            out.println("Report: " + write(runDir, options, err, showNotes));
        } catch (Exception | LinkageError e) {
            err.println("tune4j: warning: the report could not be drawn (" + Errors.message(e)
                    + "); the results are complete, retry with: tune4j report " + runDir);
        }
    }
}
