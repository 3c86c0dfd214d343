package org.tune4j.tuner.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tune4j.optimizer.prune.PruneDecision;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.ReportRecord;

/**
 * Evaluates a trial by running an external command ({@code tune4j minimize}): the trial's
 * parameters go to its standard input as one JSON object on one line, and the objective value (to
 * minimize) is read from the last non-blank line of its standard output, as Python's
 * {@code float()} reads it ({@link ObjectiveValue}). Its standard error passes through to ours.
 * The environment also holds {@code TUNE4J_TRIAL} (the trial number) and {@code TUNE4J_PARAMS}
 * (the same JSON).
 *
 * <p>Intermediate values: a line {@code tune4j-report STEP VALUE} (STEP a whole number >= 1,
 * increasing; VALUE read as the final value is) reports the objective at STEP to the trial's
 * {@link TrialMonitor}, for pruning; such lines are never the final value. When the pruner says
 * prune, the command is stopped with its process tree and the trial is pruned, its value the
 * last reported one. A malformed report line fails the trial.
 *
 * <p>A command that cannot start, exits non-zero, runs past the trial timeout, or whose last line
 * is not a finite number is a failed trial (no value: the optimizer is told it failed); the study
 * goes on. Lines are kept up to {@link #LINE_LIMIT} characters each. Whenever the command is
 * stopped (timeout, interruption, or tune4j itself ending on SIGTERM or Ctrl-C), its whole process
 * tree is stopped with it, so no objective is left running as an orphan.
 */
public final class CommandEvaluator implements TrialEvaluator {
    /** Characters kept of each output line; the rest of a longer line is dropped. */
    static final int LINE_LIMIT = 1 << 20;
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** The start of an intermediate report line: {@code tune4j-report STEP VALUE}. */
    public static final String REPORT_PREFIX = "tune4j-report ";

    private final List<String> command;
    private final Path workDir;
    private final Consumer<String> output;
    private final Duration timeout;

    /**
     * @param command the program and its arguments
     * @param workDir the directory it runs in
     * @param output  receives each line the command prints on its standard output
     * @param timeout how long one trial may run, or null for no limit
     */
    public CommandEvaluator(List<String> command, Path workDir, Consumer<String> output, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: expected a program to run, found nothing");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("trial timeout: expected a positive duration, found " + timeout);
        }
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.output = output;
        this.timeout = timeout;
    }

    /** As {@link #CommandEvaluator(List, Path, Consumer, Duration)} without a timeout. */
    public CommandEvaluator(List<String> command, Path workDir, Consumer<String> output) {
        this(command, workDir, output, null);
    }

    @Override
    public TrialOutcome evaluate(TrialRequest request) {
        String params = Json.line(request.params());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("TUNE4J_TRIAL", Integer.toString(request.number()));
        pb.environment().put("TUNE4J_PARAMS", params);
        Optional<ShutdownGuard> guard = ShutdownGuard.install(CommandEvaluator::stopTree,
                "stop-objective-" + request.number());
        if (guard.isEmpty()) {
            return TrialOutcome.failed(null, "stopped: tune4j is shutting down", null, null);
        }
        try (ShutdownGuard g = guard.get()) {
            Optional<Process> started;
            try {
                started = g.start(pb);
            } catch (IOException e) {
                return TrialOutcome.failed(null, "cannot run " + command.get(0) + ": " + e.getMessage(), null, null);
            }
            if (started.isEmpty()) {
                return TrialOutcome.failed(null, "stopped: tune4j is shutting down", null, null);
            }
            return evaluate(request, params, started.get());
        }
    }

    private TrialOutcome evaluate(TrialRequest request, String params, Process process) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService watchdog = timeout == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trial-timeout-" + request.number());
            t.setDaemon(true);
            return t;
        });
        if (watchdog != null) {
            watchdog.schedule(() -> {
                timedOut.set(true);
                stopTree(process);
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            TrialOutcome outcome = run(process, params, request.monitor());
            return timedOut.get() ? TrialOutcome.failed(null, String.format(Locale.ROOT,
                    "the command ran past the trial timeout of %s s and was stopped", seconds(timeout)), null, null)
                    : outcome;
        } catch (InterruptedException e) {
            stopTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the command of trial " + request.number(), e);
        } finally {
            if (watchdog != null) {
                watchdog.shutdownNow();
            }
        }
    }

    private TrialOutcome run(Process process, String params, TrialMonitor monitor) throws InterruptedException {
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write((params + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // a command that does not read its input is fine
            }
            BoundedLineReader.Line last = null;
            BoundedLineReader lines = new BoundedLineReader(new BufferedReader(new InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8)), LINE_LIMIT);
            for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                output.accept(line.truncated() ? line.text() + " [line cut at " + LINE_LIMIT + " characters]"
                        : line.text());
                if (line.text().startsWith(REPORT_PREFIX)) {
                    TrialOutcome stop = report(line.text(), monitor);
                    if (stop != null) {
                        stopTree(process);
                        return stop;
                    }
                } else if (!line.text().isBlank()) {
                    last = line;
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                return TrialOutcome.failed(null, "command exited with status " + exit, null, null);
            }
            return parse(last);
        } catch (IOException e) {
            stopTree(process);
            return TrialOutcome.failed(null, "reading the command's output failed: " + e.getMessage(), null, null);
        }
    }

    /**
     * Hands a {@code tune4j-report STEP VALUE} line to the monitor: null to go on, else the outcome
     * that ends the trial (pruned, or failed for a malformed line).
     */
    private static TrialOutcome report(String text, TrialMonitor monitor) {
        String[] parts = text.strip().split("\\s+");
        int step;
        double value;
        try {
            if (parts.length != 3) {
                throw new NumberFormatException("expected 2 fields");
            }
            step = Integer.parseInt(parts[1]);
            value = ObjectiveValue.parse(parts[2]);
            if (step < 1 || !Double.isFinite(value)) {
                throw new NumberFormatException("out of range");
            }
        } catch (NumberFormatException e) {
            return TrialOutcome.failed(null, "expected \"" + REPORT_PREFIX + "STEP VALUE\" (STEP a whole number >= 1, "
                    + "VALUE a finite number), found \"" + abbreviate(text) + "\"", null, null);
        }
        PruneDecision d;
        try {
            d = monitor.report(new ReportRecord(step, value, null, null), false);
        } catch (IllegalArgumentException e) {
            return TrialOutcome.failed(null, e.getMessage(), null, null);
        }
        if (!d.prune()) {
            return null;
        }
        String reason = String.format(Locale.ROOT, "after step %d: %s > %s %s of %d trials at this step", step,
                d.value(), d.rule(), d.threshold(), d.compared());
        return TrialOutcome.pruned(value, reason, null, null, monitor.reports());
    }

    /** Stops the command and every process it started: politely, then, after a grace period, for good. */
    private static void stopTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static TrialOutcome parse(BoundedLineReader.Line last) {
        if (last == null) {
            return TrialOutcome.failed(null, "the command printed nothing; expected the objective value on the last "
                    + "line of its standard output", null, null);
        }
        if (last.truncated()) {
            return TrialOutcome.failed(null, "the last line of the command's output is longer than " + LINE_LIMIT
                    + " characters; expected a number", null, null);
        }
        String text = last.text().strip();
        double value;
        try {
            value = ObjectiveValue.parse(text);
        } catch (NumberFormatException e) {
            return TrialOutcome.failed(null, "expected a number on the last line of the command's output, found \""
                    + abbreviate(text) + "\"", null, null);
        }
        if (!Double.isFinite(value)) {
            return TrialOutcome.failed(null, "the command printed " + text + "; expected a finite number", null, null);
        }
        return TrialOutcome.complete(value, null, null);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
