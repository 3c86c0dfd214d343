/**
 * The PostgreSQL study storage: one study shared by worker processes on several machines
 * ({@code tune4j tune|minimize --storage postgresql://USER@HOST[:PORT]/DB --name S ...}).
 *
 * <p>{@link org.tune4j.tuner.storage.postgres.StorageUrl} parses the URL,
 * {@link org.tune4j.tuner.storage.postgres.PgPass} finds the password as libpq does (PGPASSWORD,
 * then ~/.pgpass), {@link org.tune4j.tuner.storage.postgres.PgDatabase} connects (with bounded
 * backoff retries when the server goes away), {@link org.tune4j.tuner.storage.postgres.PgSchema}
 * creates the tables, migrates version 1 to 2 and refuses a later version,
 * {@link org.tune4j.tuner.storage.postgres.PgStudies} creates or joins a study row,
 * {@link org.tune4j.tuner.storage.postgres.PgStudy} allocates, heartbeats and records trials in
 * transactions, its asks through {@link org.tune4j.tuner.storage.postgres.PgAsk} (the proposal
 * made outside the study's lock, validated under it, or under it as a batch whose other points
 * {@link org.tune4j.tuner.storage.postgres.PgQueue} queues and hands out without the lock; a worker's
 * {@link org.tune4j.tuner.storage.postgres.PgRefill} refills that queue in the background before it
 * runs dry; each reads the trials through a {@link org.tune4j.tuner.storage.postgres.PgView}), timed by
 * {@link org.tune4j.tuner.storage.postgres.AskTiming} with the round trips
 * {@link org.tune4j.tuner.storage.postgres.RoundTrips} counts;
 * {@link org.tune4j.tuner.storage.postgres.PgBestModel} keeps the best finished
 * trial's model, and {@link org.tune4j.tuner.storage.postgres.PgImport} writes a whole study
 * ({@code tune4j copy}); {@link org.tune4j.tuner.storage.postgres.PgAskTell} is what
 * {@code ask}/{@code tell --storage} add (the asked trial's lease, the told result). It knows nothing of training or the optimizer: a worker is
 * {@code study.StudyLoop} on a {@code study.PostgresStorage}, the loop of a run directory on another backend. The run directory stays the embedded default ({@code org.tune4j.tuner.storage}).
 */
package org.tune4j.tuner.storage.postgres;
