package org.tune4j.tuner.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code trials.csv}: one row per finished trial (number, state, value, each parameter,
 * seconds, error), rewritten atomically after every trial, for spreadsheets and pandas. A study
 * that records intermediate reports (pruning, {@code --report-every}) has two more columns:
 * {@code reports}, the trial's reports as {@code step:value} pairs separated by spaces, and
 * {@code prune_reason}, why a pruned trial was stopped.
 */
public final class TrialsCsv {
    private TrialsCsv() {
    }

    /** Writes all trials; {@code paramNames} gives the parameter columns in order. */
    public static void write(Path file, List<String> paramNames, List<TrialRecord> trials) {
        StringBuilder sb = new StringBuilder("number,state,value");
        for (String name : paramNames) {
            sb.append(',').append(Csv.field(name));
        }
        boolean reports = trials.stream().anyMatch(t -> !t.reports().isEmpty() || t.isPruned());
        sb.append(",seconds,error").append(reports ? ",reports,prune_reason\n" : "\n");
        for (TrialRecord t : trials) {
            sb.append(t.number()).append(',').append(OptimizerJson.text(t.state())).append(',')
                    .append(t.value() == null ? "" : Double.toString(t.value()));
            for (String name : paramNames) {
                Object v = t.params().get(name);
                sb.append(',').append(v == null ? "" : Csv.field(String.valueOf(v)));
            }
            sb.append(',').append(String.format(java.util.Locale.ROOT, "%.3f", t.seconds()))
                    .append(',').append(t.error() == null ? "" : Csv.field(t.error()));
            if (reports) {
                StringBuilder r = new StringBuilder();
                for (ReportRecord report : t.reports()) {
                    r.append(r.isEmpty() ? "" : " ").append(report.step()).append(':').append(report.value());
                }
                sb.append(',').append(r).append(',').append(t.pruneReason() == null ? "" : Csv.field(t.pruneReason()));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
