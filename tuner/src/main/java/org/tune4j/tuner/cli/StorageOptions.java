package org.tune4j.tuner.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgPass;
import org.tune4j.tuner.storage.postgres.PgSchema;
import org.tune4j.tuner.storage.postgres.PgStudy;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The shared-study options: {@code --storage postgresql://USER@HOST[:PORT]/DB} (or the
 * environment variable {@code TUNE4J_STORAGE}, read here, at the CLI edge) and the heartbeat
 * settings. The study's {@code --name} is the command's own option ({@link StudyNameOption}, or
 * {@code tune}'s, which names a run directory without --storage). Without a storage URL the study
 * lives in a run directory.
 */
final class StorageOptions {
    static final String ENV = "TUNE4J_STORAGE";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--storage", paramLabel = "URL",
            description = "Share the study in a PostgreSQL database, postgresql://USER@HOST[:PORT]/DB (default: "
                    + "$" + ENV + "; without either: a run directory). The password comes from PGPASSWORD or ~/.pgpass.")
    String storage;

    @Option(names = "--heartbeat", paramLabel = "SECONDS",
            description = "With --storage: a running trial's heartbeat period (default: 10).")
    double heartbeatSeconds = 10;

    @Option(names = "--grace", paramLabel = "BEATS",
            description = "With --storage: a running trial silent for this many heartbeats is lost (default: 3).")
    int graceBeats = 3;

    @Option(names = "--requeue", paramLabel = "N",
            description = "With --storage: how many times a lost trial is handed out again (default: 1).")
    int requeues = 1;

    @Option(names = "--batch", paramLabel = "K",
            description = "With --storage: when a worker proposes under the study's lock (a busy study), it proposes "
                    + "K points with one surrogate fit, runs the first and queues the others for the next workers "
                    + "(0, the default: the workers seen, at most 4; 1 for a worker alone).")
    int batch;

    @Option(names = "--queue-depth", paramLabel = "D",
            description = "With --storage: pipelined batches (D: auto or a number): a worker whose trial leaves "
                    + "fewer than D points queued proposes the next batch (--batch) in the background while its "
                    + "trial runs, if no other worker holds the study's lock (auto, the default: half the workers "
                    + "running, so a worker alone never does; 0: never, a worker proposes when the queue is empty "
                    + "and waits for the lock, as before).")
    String queueDepth = "auto";

    @Option(names = "--ask-timing",
            description = "With --storage: print on standard error where each ask's time went (unlocked read, the "
                    + "optimizer's proposal, lock wait, work under the lock) and its database round trips.")
    boolean askTiming;

    /** True when a study in a database is asked for: --storage given, or TUNE4J_STORAGE set. */
    boolean requested() {
        String env = System.getenv(ENV);
        return storage != null || env != null && !env.isBlank();
    }

    /**
     * Where a command's study is, decided once: null for a run directory (or a model file) given on
     * the command line without --storage, which wins over TUNE4J_STORAGE; else as {@link #url(String)}.
     *
     * @param localGiven whether the command was given its run directory (or file)
     */
    StorageUrl url(String name, boolean localGiven) {
        return localGiven && storage == null ? null : url(name);
    }

    /** The URL from --storage or TUNE4J_STORAGE, or null for a run directory; {@code name} is the study's --name. */
    StorageUrl url(String name) {
        String text = storage != null ? storage : System.getenv(ENV);
        if (text == null || text.isBlank()) {
            if (name != null) {
                throw new ParameterException(spec.commandLine(), "--name: names a study in a database; give --storage "
                        + "postgresql://USER@HOST[:PORT]/DB (or set " + ENV + ")");
            }
            return null;
        }
        String option = storage != null ? "--storage" : ENV;
        StorageUrl url;
        try {
            url = StorageUrl.parse(text, option);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new ParameterException(spec.commandLine(), "--name: expected the study's name (1 to 100 letters, "
                    + "digits, '_', '.', '-'), found " + (name == null ? "none" : "\"" + name + "\""));
        }
        if (!(heartbeatSeconds >= 0.1 && heartbeatSeconds <= 3600)) {
            throw new ParameterException(spec.commandLine(), "--heartbeat: expected seconds in 0.1..3600, found "
                    + heartbeatSeconds);
        }
        if (graceBeats < 2 || graceBeats > 1000) {
            throw new ParameterException(spec.commandLine(), "--grace: expected 2..1000 heartbeats, found " + graceBeats);
        }
        if (batch < 0 || batch > 64) {
            throw new ParameterException(spec.commandLine(), "--batch: expected 0 (automatic) or 1..64 points, found "
                    + batch);
        }
        queueDepth();  // refused here, naming the option, when it is neither auto nor 0..1000
        if (requeues < 0 || requeues > 100) {
            throw new ParameterException(spec.commandLine(), "--requeue: expected 0..100, found " + requeues);
        }
        return url;
    }

    /** Connects (one line on failure), creates or checks the schema. */
    static PgDatabase open(StorageUrl url) {
        String password = PgPass.password(url, System.getenv(), Path.of(System.getProperty("user.home")),
                w -> System.err.println("tune4j: warning: " + w)).orElse(null);
        PgDatabase db = new PgDatabase(url, password, m -> System.err.println("tune4j: " + m));
        db.connect();
        PgSchema.ensure(db);
        return db;
    }

    /** --queue-depth as {@link PgStudy}'s queue depth: {@link PgStudy#AUTO_DEPTH} for auto. */
    int queueDepth() {
        if (queueDepth.equals("auto")) {
            return PgStudy.AUTO_DEPTH;
        }
        try {
            int d = Integer.parseInt(queueDepth);
            if (d >= 0 && d <= 1000) {
                return d;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ParameterException(spec.commandLine(), "--queue-depth: expected auto or 0..1000 queued points, found "
                + queueDepth);
    }

    Duration heartbeat() {
        return Duration.ofMillis(Math.round(heartbeatSeconds * 1000));
    }

    /** This worker's study handle, named after the host and process. */
    PgStudy study(PgDatabase db, String name) {
        return study(db, name, workerName());
    }

    /** A worker's study handle under the given worker name. */
    PgStudy study(PgDatabase db, String name, String worker) {
        return study(db, name, worker, batch, queueDepth());
    }

    /** As above, with the given batch instead of --batch's and no background refill (a one-shot asker). */
    PgStudy study(PgDatabase db, String name, String worker, int batch) {
        return study(db, name, worker, batch, 0);
    }

    private PgStudy study(PgDatabase db, String name, String worker, int batch, int depth) {
        Duration grace = heartbeat().multipliedBy(graceBeats);
        return new PgStudy(db, name, worker, grace, requeues, batch, depth,
                askTiming ? t -> System.err.println("tune4j: " + t.line()) : t -> { });
    }

    /** This process's name in the database: host and process id. */
    static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return String.format(Locale.ROOT, "%s:%d", host, ProcessHandle.current().pid());
    }
}
