package org.tune4j.tuner.study;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tune4j.optimizer.ExpectedMinimum;
import org.tune4j.tuner.storage.StorageException;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * Where a study's trials live, as the one {@link StudyLoop} that runs them sees it: the next trial
 * handed out, the finished ones recorded. Two backends: {@link RunDirectoryStorage} (the journal
 * and files of a run directory, one process; the default, nothing to install) and
 * {@link PostgresStorage} (a study shared in PostgreSQL by workers on any machine). The loop is
 * the same for both; what only one of them has is a capability it states: a run directory has no
 * heartbeats and loses no trial ({@link #heartbeat} empty), and never says {@link Wait}.
 *
 * <p>Life cycle (one storage per loop, used on the loop's thread, but {@link #beat} on a heartbeat
 * thread and {@link #release} on a shutdown hook): {@link #artifacts} once for a training study's
 * evaluator; {@link #begin} once; then {@link #next} until
 * {@link Done}; for each {@link Claim}, while it is evaluated, {@link #beat} every
 * {@link #heartbeat} (when present), then {@link #record} once (or, interrupted, {@link #release});
 * at {@link Done}, {@link #expectedMinimum} and {@link #end}; {@link #close} always, last. A
 * {@link StorageException} anywhere in between (a file that cannot be written) stops the study
 * with {@link #stopped}'s message.
 */
public interface StudyStorage {
    /** What {@link #next} hands out. */
    sealed interface Next permits Claim, Wait, Done {
    }

    /**
     * A trial to evaluate.
     *
     * @param finished the study's finished trials when it was handed out (the pruner judges against them)
     */
    record Claim(int number, Map<String, Object> params, List<TrialRecord> finished) implements Next {
    }

    /** Nothing to hand out now (the rest of the budget is running elsewhere); ask again later. */
    record Wait() implements Next {
    }

    /** The study has its budget of finished trials, or its space is exhausted: these are its finished trials. */
    record Done(List<TrialRecord> finished) implements Next {
    }

    /**
     * Where a training trial's log and best model go ({@link TrainingEvaluator}; a study of a
     * command keeps none and never asks). Called once, before {@link #begin}: a run directory keeps
     * {@code logs/} and {@code best-model.t4j} beside its journal ({@link RunDirectoryArtifacts}); a
     * database keeps them in the study's rows ({@link SharedArtifacts}), the model's bytes written by
     * {@link #record} when the trial is then the best.
     *
     * @param classNames the training data's class names, saved with the model for {@code predict}
     */
    TrialArtifacts artifacts(List<String> classNames, StudyListener listener);

    /**
     * Starts this loop's session on the study towards {@code calls} finished trials (a run
     * directory: locked, its journal read and replayed, a resumed study announced to the listener).
     *
     * @throws IllegalArgumentException when the study cannot go on towards {@code calls} (one line)
     */
    void begin(int calls, StudyListener listener);

    /** The next trial for this loop, a wait, or the end; warnings (an exhausted space) go to the listener. */
    Next next(int calls, StudyListener listener);

    /**
     * How often a running trial's heartbeat must be refreshed ({@link #beat}), also the pause after
     * a {@link Wait}. Present when trials are leased: a silent one is lost and handed out again,
     * and an interrupted one goes back to the queue ({@link #release}). Empty when the study is
     * one process's: nothing is lost, and an interrupted trial is not recorded (the study resumes
     * without it).
     */
    Optional<Duration> heartbeat();

    /** Refreshes trial {@code number}'s heartbeat; false when it is no longer this loop's (taken for lost). */
    boolean beat(int number);

    /** Hands running trial {@code number} back for another loop (interrupted); false when nothing was handed back. */
    boolean release(int number);

    /**
     * Records a finished trial, durably, before the loop goes on; false (and nothing recorded) when
     * the trial already had a result (this loop was taken for lost and another one's counted).
     */
    boolean record(TrialRecord trial);

    /** The optimizer's expected minimum over these finished trials (the study's last word on where the optimum is). */
    Optional<ExpectedMinimum> expectedMinimum(List<TrialRecord> finished);

    /** The study reached {@link Done}: the storage writes what it derives from the whole study. */
    void end(List<TrialRecord> finished, Optional<ExpectedMinimum> expected);

    /** The exception that stops the study when the storage cannot be written, saying what was kept. */
    StorageException stopped(StorageException cause);

    /** Ends the session (a run directory: unlocked); called once, also after a failure. */
    void close();
}
