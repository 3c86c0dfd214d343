package org.tune4j.tuner.dashboard;

/**
 * Where a study stands, as its files tell it: {@link #RUNNING} while a tune4j process holds its
 * lock ({@link LockProbe}); otherwise {@link #FINISHED} once its journal holds as many finished
 * trials as its budget ({@code config.calls} in study.json), {@link #INTERRUPTED} when it holds
 * fewer (Ctrl-C, a crash, a killed machine: {@code --resume} continues it), and {@link #IDLE} for a
 * study without a budget (ask/tell) that nobody is writing.
 */
enum StudyState {
    RUNNING, FINISHED, INTERRUPTED, IDLE;

    /** The state of a study with {@code finished} trials of {@code budget} (null: none), locked or not. */
    static StudyState of(boolean locked, int finished, Integer budget) {
        if (locked) {
            return RUNNING;
        }
        if (budget == null) {
            return IDLE;
        }
        return finished >= budget ? FINISHED : INTERRUPTED;
    }

    /** As shown and as the JSON spells it: lower case. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
