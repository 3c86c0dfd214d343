package org.tune4j.tuner.cli;

import java.time.Duration;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.OptimizerJson;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.TrialRecord;
import org.tune4j.tuner.storage.postgres.PgAskTell;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.PgStudy;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.AskTellStorage;
import org.tune4j.tuner.study.AskTellStudy;
import org.tune4j.tuner.study.SharedProposer;
import org.tune4j.tuner.study.StudyListener;

/**
 * {@code tune4j ask --storage URL --name S} and {@code tune4j tell --storage URL --name S}: the
 * run directory's ask/tell ({@link AskTellStudy}) on a study in the database, of the same kind
 * ({@code ask-tell}) and configuration (the optimizer settings), so {@code copy} moves it both ways.
 * An ask is one hand-out of a worker ({@link PgStudy#next}: lost trials reclaimed, a queued point
 * first, else a new point with every running and queued trial pending, the constant liar) without a
 * process behind it: its trial's lease is {@link PgAskTell#lease}'s. The study has no budget: asks
 * go on until the caller stops. This is {@link AskTellStorage}'s PostgreSQL backend; each step
 * connects, does its one transaction (or two: the hand-out, then the lease) and disconnects.
 */
final class SharedAskTell implements AskTellStorage {
    /** The budget a study of asks and tells has: none. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final StorageUrl url;
    private final StorageOptions options;
    private final String name;
    private final Duration lease;

    /** @param lease how long an asked trial counts as alive without a tell; null: until told */
    SharedAskTell(StorageUrl url, StorageOptions options, String name, Duration lease) {
        this.url = url;
        this.options = options;
        this.name = name;
        this.lease = lease;
    }

    /**
     * Hands out the next trial of study {@code name}, creating it when it does not exist: one
     * worker's hand-out, then the trial's lease.
     */
    @Override
    public AskTellStudy.Asked ask(Space space, OptimizerConfig settings, StudyListener listener) {
        PgDatabase db = StorageOptions.open(url);
        try {
            StudyDescription study = open(db, name, space, settings);
            OptimizerConfig recorded = OptimizerJson.config(study.config());
            PgStudy handle = options.study(db, name, "ask " + StorageOptions.workerName(), 1);
            PgStudy.Next next = handle.next(UNBOUNDED, new SharedProposer(study.space(), recorded),
                    listener::warning);
            if (!(next instanceof PgStudy.Claim claim)) {
                throw new IllegalStateException("a study without a budget handed out no trial: " + next);
            }
            PgAskTell.lease(db, name, claim.number(), lease);
            return new AskTellStudy.Asked(claim.number(), claim.params());
        } finally {
            db.close();
        }
    }

    /** Records the outcome of trial {@code number} (value null: failed) of the ask-tell study {@code name}. */
    @Override
    public TrialRecord tell(int number, Double value, StudyListener listener) {
        PgDatabase db = StorageOptions.open(url);
        try {
            checkKind(db, PgStudies.describe(db, name), name);
            return PgAskTell.tell(db, name, number, value);
        } finally {
            db.close();
        }
    }

    private static StudyDescription open(PgDatabase db, String name, Space space, OptimizerConfig settings) {
        StudyDescription found;
        try {
            found = PgStudies.describe(db, name);
        } catch (IllegalArgumentException none) {
            if (space == null) {
                throw new IllegalArgumentException("--name: study \"" + name + "\" does not exist in " + db.url()
                        + " yet: give --space SPACE.json to create it");
            }
            return PgStudies.openOrCreate(db, name, AskTellStudy.KIND, Json.mapper().valueToTree(settings), space,
                    UNBOUNDED);
        }
        checkKind(db, found, name);
        if (space != null && !space.equals(found.space())) {
            throw new IllegalArgumentException("--space: study \"" + name + "\" in " + db.url() + " exists with another "
                    + "search space; a study cannot change its space: choose another --name");
        }
        return found;
    }

    private static void checkKind(PgDatabase db, StudyDescription study, String name) {
        if (!AskTellStudy.KIND.equals(study.kind())) {
            throw new IllegalArgumentException("--name: study \"" + name + "\" in " + db.url() + " was made by \""
                    + study.kind() + "\", not by ask; ask and tell hand out and record the trials of ask-tell studies "
                    + "only (its workers run its trials)");
        }
    }
}
