package org.tune4j.tuner.report;

import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.TrialRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS, images as base64 data URIs, no
 * network) with the configuration, the best result and the surrogate's expected minimum, the
 * results table sorted best first, failed trials with their errors, and every plot with a caption.
 *
 * <p>A tiny inline script sets {@code data-images-loaded="N/M"} on {@code <body>} once the page has
 * loaded (N images decoded out of M), so that a headless browser test can check the images.
 */
final class ReportHtml {

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto;
                   max-width: 1400px; padding: 0 1.5em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.7em; text-align: left; }
            th { background: #f0f3f7; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.failed td { color: #b22; }
            tr.pruned td { color: #c60; }
            tr.best td { background: #fff7d6; font-weight: 600; }
            .summary { background: #f6f8fa; border: 1px solid #dde; padding: 0.6em 1em; border-radius: 6px; }
            .note { color: #8a5a00; }
            figure { margin: 1.5em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { max-width: 60em; color: #444; margin-top: 0.4em; }
            code { background: #f0f0f0; padding: 0 0.25em; }
            """;

    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var images = document.images, loaded = 0;
              for (var i = 0; i < images.length; i++) {
                if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }
              }
              document.body.setAttribute('data-images-loaded', loaded + '/' + images.length);
            });
            """;

    private final StudyResults results;
    private final boolean accuracy;   // values are minus validation accuracies: show them as percentages
    private final StringBuilder out = new StringBuilder();

    private ReportHtml(StudyResults results) {
        this.results = results;
        this.accuracy = results.valueIsMinusAccuracy();
    }

    static String render(String runName, StudyResults results, List<Report.Figure> figures, List<String> notes)
            throws IOException {
        return new ReportHtml(results).page(runName, figures, notes);
    }

    private String page(String runName, List<Report.Figure> figures, List<String> notes) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>tune4j report: ").append(escape(runName)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>tune4j study report: ").append(escape(runName)).append("</h1>\n");
        summary();
        configuration();
        resultsTable();
        failures();
        plots(figures, notes);
        out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private void summary() {
        out.append("<div class=\"summary\">\n");
        int complete = results.completeTrials().size();
        long pruned = results.trials().stream().filter(TrialRecord::isPruned).count();
        out.append("<p>").append(results.trials().size()).append(" trials: ").append(complete).append(" complete, ")
                .append(pruned > 0 ? pruned + " pruned, " : "")
                .append(results.trials().size() - complete - pruned).append(" failed.</p>\n");
        if (results.best().isPresent()) {
            ResultsDocument.Best best = results.best().get();
            out.append("<p><b>Best ").append(accuracy ? "validation accuracy: " + percent(-best.value())
                            : "value: " + number(best.value())).append("</b> at call ")
                    .append(best.number()).append(": ").append(escape(params(best.params()))).append("</p>\n");
        } else {
            out.append("<p>No trial has completed yet.</p>\n");
        }
        results.expectedMinimum().ifPresent(e -> out.append("<p>Surrogate's expected minimum: ")
                .append(escape(params(e.params()))).append(accuracy ? ", predicted validation accuracy " : ", predicted value ")
                .append(accuracy ? percent(-e.predictedValue()) : number(e.predictedValue()))
                .append(accuracy && -e.predictedValue() > 1
                        ? " (the surrogate's mean there, which is not bounded by 100%: it marks the region the"
                                + " surrogate rates best, not an accuracy a network can reach).</p>\n"
                        : results.best().isPresent() && e.predictedValue() < results.best().get().value()
                        ? " (the surrogate's mean there, better than any trial so far: a prediction no trial has"
                                + " confirmed yet).</p>\n"
                        : " (the surrogate's estimate of the best point, less lucky than the best observation).</p>\n"));
        results.test().ifPresent(t -> out.append("<p>Best model on the test set: accuracy ").append(percent(t.accuracy()))
                .append(", loss ").append(String.format(Locale.ROOT, "%.4f", t.loss())).append(".</p>\n"));
        out.append("</div>\n");
    }

    private void configuration() {
        out.append("<h2>Configuration</h2>\n<table>\n<tr><th>setting</th><th>value</th></tr>\n");
        for (Map.Entry<String, Object> e : results.flatConfig().entrySet()) {
            out.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(escape(String.valueOf(e.getValue())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n<h2>Search space</h2>\n<table>\n<tr><th>dimension</th><th>type</th><th>range</th><th>prior</th></tr>\n");
        for (DimensionAxis d : results.axes()) {
            String range = d.isCategorical() ? String.join(", ", d.categories())
                    : d.formatValue(d.low()) + " .. " + d.formatValue(d.high());
            out.append("<tr><td>").append(escape(d.name())).append("</td><td>").append(d.kind().name().toLowerCase(Locale.ROOT))
                    .append("</td><td>").append(escape(range)).append("</td><td>")
                    .append(d.isCategorical() ? "" : d.logUniform() ? "log-uniform" : "uniform").append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void resultsTable() {
        out.append("<h2>Results, best first</h2>\n<table id=\"results\">\n<tr><th>rank</th><th>call</th>");
        for (DimensionAxis d : results.axes()) {
            out.append("<th>").append(escape(d.name())).append("</th>");
        }
        out.append(accuracy ? "<th>validation accuracy</th>" : "<th>value</th>").append("<th>state</th><th>seconds</th></tr>\n");
        int bestNumber = results.best().map(ResultsDocument.Best::number).orElse(-1);
        int rank = 0;
        for (TrialRecord t : results.trialsBestFirst()) {
            rank++;
            String cls = t.isPruned() ? " class=\"pruned\"" : !t.isComplete() ? " class=\"failed\""
                    : t.number() == bestNumber ? " class=\"best\"" : "";
            out.append("<tr").append(cls).append("><td class=\"num\">").append(rank).append("</td><td class=\"num\">")
                    .append(t.number()).append("</td>");
            for (DimensionAxis d : results.axes()) {
                Object v = t.params().get(d.name());
                out.append("<td class=\"num\">").append(escape(v == null ? "" : safeFormat(d, v))).append("</td>");
            }
            String shown = t.isPruned() ? "(" + (accuracy ? percent(-t.valueOrNaN()) : number(t.valueOrNaN())) + ")"
                    : !t.isComplete() ? "&ndash;" : accuracy ? percent(-t.valueOrNaN()) : number(t.valueOrNaN());
            out.append("<td class=\"num\">").append(shown)
                    .append("</td><td>").append(escape(OptimizerJson.text(t.state()))).append("</td><td class=\"num\">")
                    .append(Double.isNaN(t.seconds()) ? "" : String.format(Locale.ROOT, "%.1f", t.seconds()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** The pruned trials with why each was stopped (only when there are any). */
    private void prunedTrials() {
        List<TrialRecord> pruned = results.trials().stream().filter(TrialRecord::isPruned).toList();
        if (pruned.isEmpty()) {
            return;
        }
        out.append("<h2>Pruned trials</h2>\n<p>Stopped early by the pruner; the value in parentheses above is the last "
                        + "intermediate report, which is what the optimizer was told.</p>\n")
                .append("<table id=\"pruned\">\n<tr><th>call</th><th>parameters</th><th>pruned</th></tr>\n");
        for (TrialRecord t : pruned) {
            out.append("<tr class=\"pruned\"><td class=\"num\">").append(t.number()).append("</td><td>")
                    .append(escape(params(t.params()))).append("</td><td>").append(escape(t.pruneReason()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void failures() {
        prunedTrials();
        List<TrialRecord> failed = results.trials().stream().filter(t -> !t.isComplete() && !t.isPruned()).toList();
        out.append("<h2>Failed trials</h2>\n");
        if (failed.isEmpty()) {
            out.append("<p>None.</p>\n");
            return;
        }
        out.append("<p>A failed trial keeps the penalty value, if any, that the study told the optimizer (for the"
                        + " tutorial study 0.0, as if the accuracy were 0) so that the optimizer avoids its region.</p>\n")
                .append("<table id=\"failures\">\n<tr><th>call</th><th>parameters</th><th>error</th></tr>\n");
        for (TrialRecord t : failed) {
            out.append("<tr class=\"failed\"><td class=\"num\">").append(t.number()).append("</td><td>")
                    .append(escape(params(t.params()))).append("</td><td>")
                    .append(escape(t.error() == null ? "(no message recorded)" : t.error())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void plots(List<Report.Figure> figures, List<String> notes) throws IOException {
        out.append("<h2>Plots</h2>\n");
        for (String note : notes) {
            out.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        for (Report.Figure f : figures) {
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(f.file()));
            out.append("<figure id=\"").append(escape(f.file().getFileName().toString())).append("\">\n")
                    .append("<h3>").append(escape(f.title())).append("</h3>\n")
                    .append("<img alt=\"").append(escape(f.title())).append("\" src=\"data:image/png;base64,")
                    .append(data).append("\">\n<figcaption>").append(escape(f.caption())).append("</figcaption>\n</figure>\n");
        }
    }

    private String params(Map<String, Object> params) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            String shown = results.dimension(e.getKey()).map(d -> safeFormat(d, e.getValue()))
                    .orElse(String.valueOf(e.getValue()));
            s.append(e.getKey()).append(" = ").append(shown);
        }
        return s.toString();
    }

    private static String safeFormat(DimensionAxis d, Object value) {
        try {
            return d.formatValue(value);
        } catch (IllegalArgumentException e) {
            return String.valueOf(value);
        }
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
