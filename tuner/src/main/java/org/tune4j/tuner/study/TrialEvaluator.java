package org.tune4j.tuner.study;

/**
 * Evaluates one trial: trains the tutorial's network ({@link TrainingEvaluator}) or runs an
 * external command ({@link CommandEvaluator}). Called by {@link StudyLoop} once per trial, on
 * its thread, one trial at a time. An evaluator reports failures in its {@link TrialOutcome}
 * rather than throwing; an exception that escapes ends the study (the journal keeps everything
 * finished before it).
 */
public interface TrialEvaluator {
    TrialOutcome evaluate(TrialRequest request);
}
