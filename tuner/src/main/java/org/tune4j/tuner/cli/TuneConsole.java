package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.ResultsDocument;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.study.TutorialHyperParameters;
import org.tune4j.tuner.study.StudyListener;

/**
 * What {@code tune} prints, as the tutorial's notebook does: each candidate before training
 * ({@code learning rate: 1.0e-05}, {@code num_dense_layers: 1}, ...), {@code Accuracy: 80.80%}
 * after, and the summary at the end.
 */
final class TuneConsole implements StudyListener {
    private final PrintStream out;
    private final PrintStream err;
    private final ProgressBarListener progress;
    private double bestAccuracy = Double.NEGATIVE_INFINITY;

    /** @param progress the training progress bar, closed when a trial ends (it stays open when training throws) */
    TuneConsole(PrintStream out, PrintStream err, ProgressBarListener progress) {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    @Override
    public void warning(String message) {
        err.println("tune4j: warning: " + message);
    }

    @Override
    public void resumed(List<TrialRecord> finished, int calls) {
        for (TrialRecord t : finished) {
            if (t.state() == TrialState.COMPLETE) {
                bestAccuracy = Math.max(bestAccuracy, -t.value());
            }
        }
        out.printf(Locale.ROOT, "Resuming: %d of %d trials already done (best accuracy so far %.2f%%).%n",
                finished.size(), calls, 100 * Math.max(0, bestAccuracy));
    }

    @Override
    public void trialStarted(int number, int calls, Map<String, Object> params) {
        out.println();
        out.printf(Locale.ROOT, "Trial %d/%d%n", number, calls);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            out.println(formatParam(e.getKey(), e.getValue()));
        }
        out.flush();
    }

    /** {@code learning rate: 1.0e-05} as the original prints it; other names as they are. */
    static String formatParam(String name, Object value) {
        if (name.equals(TutorialHyperParameters.LEARNING_RATE) && value instanceof Number n) {
            return String.format(Locale.ROOT, "learning rate: %.1e", n.doubleValue());
        }
        return name + ": " + value;
    }

    @Override
    public void trialFinished(TrialRecord trial) {
        progress.closeBar();
        if (trial.state() == TrialState.COMPLETE) {
            double accuracy = -trial.value();
            boolean best = accuracy > bestAccuracy;
            bestAccuracy = Math.max(bestAccuracy, accuracy);
            out.printf(Locale.ROOT, "Accuracy: %.2f%%%s%n", 100 * accuracy, best ? "  (best so far, model saved)" : "");
        } else if (trial.isPruned()) {
            out.printf(Locale.ROOT, "Pruned %s (%.1f s)%n", trial.pruneReason(), trial.seconds());
        } else {
            out.printf(Locale.ROOT, "Failed: %s (recorded with accuracy 0)%n", trial.error());
        }
        out.flush();
    }

    /** The end of the study: best point, sorted table, expected minimum, test accuracy. */
    void summary(List<TrialRecord> trials, ResultsDocument.Best best, ExpectedMinimum expected,
                 ResultsDocument.TestResult test, List<String> names) {
        out.println();
        if (best == null) {
            out.println("No trial completed.");
            return;
        }
        out.printf(Locale.ROOT, "Best hyper-parameters (trial %d):%n", best.number());
        best.params().forEach((k, v) -> out.println("  " + formatParam(k, v)));
        out.printf(Locale.ROOT, "Best validation accuracy: %.2f%%%n", -100 * best.value());
        out.println();
        out.println("All trials, best first:");
        out.print(table(trials, names));
        if (expected != null) {
            out.println();
            // the GP's mean is not bounded by 100%: above it, the prediction only ranks the region
            out.printf(Locale.ROOT, "The surrogate's expected minimum (predicted validation accuracy %.2f%%%s):%n",
                    -100 * expected.predictedValue(),
                    -expected.predictedValue() > 1 ? ", above 100% because the surrogate's mean is unbounded" : "");
            expected.params().forEach((k, v) -> out.println("  " + formatParam(k, v)));
        }
        if (test != null) {
            out.println();
            out.printf(Locale.ROOT, "Test accuracy of the best model: %.2f%% (loss %.4f)%n", 100 * test.accuracy(),
                    test.loss());
        }
        out.flush();
    }

    /** The results sorted by accuracy, best first (then pruned trials by their last accuracy, failed ones last). */
    static String table(List<TrialRecord> trials, List<String> names) {
        List<TrialRecord> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingInt((TrialRecord t) -> t.isComplete() ? 0 : t.isPruned() ? 1 : 2)
                .thenComparingDouble(t -> t.value() == null ? 0 : t.value()));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%6s  %9s", "trial", "accuracy"));
        for (String n : names) {
            sb.append("  ").append(n);
        }
        sb.append('\n');
        for (TrialRecord t : sorted) {
            String acc = t.state() == TrialState.COMPLETE ? String.format(Locale.ROOT, "%.2f%%", -100 * t.value())
                    : t.isPruned() ? "pruned" : "failed";
            sb.append(String.format(Locale.ROOT, "%6d  %9s", t.number(), acc));
            for (String n : names) {
                Object v = t.params().get(n);
                String text = v instanceof Double d ? String.format(Locale.ROOT, "%.2e", d) : String.valueOf(v);
                sb.append("  ").append(String.format(Locale.ROOT, "%" + n.length() + "s", text));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
