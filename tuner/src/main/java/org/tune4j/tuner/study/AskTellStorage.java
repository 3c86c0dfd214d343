package org.tune4j.tuner.study;

import org.tune4j.optimizer.BatchStrategy;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * A study driven one step per process ({@code tune4j ask}, {@code tune4j tell}), whichever backend
 * holds it: the face of {@link StudyStorage} for a caller that evaluates the trials itself, between
 * two processes. A run directory ({@link #runDirectory}: {@link AskTellStudy}, its pending trials
 * re-asked at the lies of a {@link BatchStrategy}) or a study in PostgreSQL ({@code cli.SharedAskTell}:
 * one worker's hand-out, the trial leased until told). Both create the study at the first ask
 * (kind {@code ask-tell}, the optimizer settings as its configuration) and refuse another space,
 * an unknown trial and a trial told twice, each with one line.
 */
public interface AskTellStorage {
    /**
     * Hands out the next trial, creating the study when it does not exist.
     *
     * @param space    required to create the study; compared with the recorded one when given, or null
     * @param settings the optimizer settings of a new study (a study that exists keeps its own)
     */
    AskTellStudy.Asked ask(Space space, OptimizerConfig settings, StudyListener listener);

    /**
     * Records the outcome of trial {@code number}: a finite value, or (value null) a failure.
     *
     * @throws IllegalArgumentException (one line) for a non-finite value, an unknown trial, or one already told
     */
    TrialRecord tell(int number, Double value, StudyListener listener);

    /** The study in run directory {@code dir}, its pending trials treated at the lies of {@code batch} by each ask. */
    static AskTellStorage runDirectory(RunLayout dir, BatchStrategy batch) {
        return new AskTellStorage() {
            @Override
            public AskTellStudy.Asked ask(Space space, OptimizerConfig settings, StudyListener listener) {
                return AskTellStudy.ask(dir, space, settings, batch, listener);
            }

            @Override
            public TrialRecord tell(int number, Double value, StudyListener listener) {
                return AskTellStudy.tell(dir, number, value, listener);
            }
        };
    }
}
