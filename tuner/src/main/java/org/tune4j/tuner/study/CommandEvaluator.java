package org.tune4j.tuner.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.tune4j.tuner.storage.Json;

/**
 * Evaluates a trial by running an external command (issue 4's {@code tune4j minimize}): the
 * trial's parameters go to its standard input as one JSON object on one line, and the objective
 * value (to minimize) is read from the last non-blank line of its standard output. Its standard
 * error passes through to ours. The environment also holds {@code TUNE4J_TRIAL} (the trial
 * number) and {@code TUNE4J_PARAMS} (the same JSON).
 *
 * <p>A command that cannot start, exits non-zero, or whose last line is not a finite number is a
 * failed trial (no value: the optimizer is told it failed); the study goes on.
 */
public final class CommandEvaluator implements TrialEvaluator {
    private final List<String> command;
    private final Path workDir;
    private final Consumer<String> output;

    /**
     * @param command the program and its arguments
     * @param workDir the directory it runs in
     * @param output  receives each line the command prints on its standard output
     */
    public CommandEvaluator(List<String> command, Path workDir, Consumer<String> output) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: expected a program to run, found nothing");
        }
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.output = output;
    }

    @Override
    public TrialOutcome evaluate(TrialRequest request) {
        String params = Json.line(request.params());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("TUNE4J_TRIAL", Integer.toString(request.number()));
        pb.environment().put("TUNE4J_PARAMS", params);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return TrialOutcome.failed(null, "cannot run " + command.get(0) + ": " + e.getMessage(), null, null);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write((params + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // a command that does not read its input is fine
            }
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.accept(line);
                    if (!line.isBlank()) {
                        last = line.strip();
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                return TrialOutcome.failed(null, "command exited with status " + exit, null, null);
            }
            return parse(last);
        } catch (IOException e) {
            process.destroyForcibly();
            return TrialOutcome.failed(null, "reading the command's output failed: " + e.getMessage(), null, null);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the command of trial " + request.number(), e);
        }
    }

    private static TrialOutcome parse(String last) {
        if (last == null) {
            return TrialOutcome.failed(null, "the command printed nothing; expected the objective value on the last "
                    + "line of its standard output", null, null);
        }
        double value;
        try {
            value = Double.parseDouble(last);
        } catch (NumberFormatException e) {
            return TrialOutcome.failed(null, "expected a number on the last line of the command's output, found \""
                    + abbreviate(last) + "\"", null, null);
        }
        if (!Double.isFinite(value)) {
            return TrialOutcome.failed(null, "the command printed " + last + "; expected a finite number", null, null);
        }
        return TrialOutcome.complete(value, null, null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
