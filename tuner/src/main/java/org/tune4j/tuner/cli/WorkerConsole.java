package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.study.StudyListener;

/**
 * What one worker of {@code tune --storage} prints: one line when it takes a trial and one when
 * the trial ends, each starting with the worker's label ({@code [worker 2]}), so the lines of
 * {@code --workers K} workers in one console say which worker runs which trial. The study's best
 * is the database's, not this console's: lines report the trial's own accuracy.
 */
final class WorkerConsole implements StudyListener {
    private final PrintStream out;
    private final PrintStream err;
    private final String label;
    private final Runnable trialEnded;

    /** @param trialEnded run when a trial ends, before its line (closes a progress bar) */
    WorkerConsole(PrintStream out, PrintStream err, String label, Runnable trialEnded) {
        this.out = out;
        this.err = err;
        this.label = label;
        this.trialEnded = trialEnded;
    }

    @Override
    public void warning(String message) {
        err.println("tune4j: warning: [" + label + "] " + message);
    }

    @Override
    public void resumed(List<TrialRecord> finished, int calls) {
        // a worker joins a study; it is not resumed
    }

    @Override
    public void trialStarted(int number, int calls, Map<String, Object> params) {
        StringJoiner p = new StringJoiner(", ");
        params.forEach((k, v) -> p.add(TuneConsole.formatParam(k, v)));
        synchronized (out) {
            out.printf(Locale.ROOT, "[%s] Trial %d/%d: %s%n", label, number, calls, p);
            out.flush();
        }
    }

    @Override
    public void trialFinished(TrialRecord trial) {
        trialEnded.run();
        String what = trial.isComplete() ? String.format(Locale.ROOT, "accuracy %.2f%%", -100 * trial.value())
                : trial.isPruned() ? "pruned " + trial.pruneReason()
                : "failed: " + trial.error() + " (recorded with accuracy 0)";
        synchronized (out) {
            out.printf(Locale.ROOT, "[%s] Trial %d: %s (%.1f s)%n", label, trial.number(), what, trial.seconds());
            out.flush();
        }
    }
}
