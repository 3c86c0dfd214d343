package org.tune4j.tuner.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tune4j.engine.data.Datasets;
import org.tune4j.tuner.storage.postgres.PgBestModel;
import org.tune4j.tuner.storage.postgres.PgDatabase;
import org.tune4j.tuner.storage.postgres.PgStudies;
import org.tune4j.tuner.storage.postgres.StorageUrl;

/**
 * The best model of a study in the database, as a model file: {@code evaluate --storage} and
 * {@code predict --storage} read it from a temporary copy, deleted when closed.
 *
 * @param file    the temporary model file
 * @param stored  what the database holds (trial number, value, test figures)
 * @param dataset the dataset the study trained on (its configuration's {@code dataset})
 */
record SharedModelFile(Path file, PgBestModel.Stored stored, String dataset) implements AutoCloseable {
    /** Fetches the best model of study {@code name}; one line when the study or its model is missing. */
    static SharedModelFile fetch(StorageUrl url, String name) {
        PgDatabase db = StorageOptions.open(url);
        try {
            String dataset = PgStudies.describe(db, name).config().path("dataset").asText(Datasets.MNIST);
            PgBestModel.Stored stored = PgBestModel.read(db, name).orElseThrow(() -> new IllegalArgumentException(
                    "study \"" + name + "\" in " + url + " has no best model yet (no trial of a tune study has "
                            + "completed)"));
            return new SharedModelFile(write(stored.bytes()), stored, dataset);
        } finally {
            db.close();
        }
    }

    /** Writes model bytes to a new temporary file. */
    static Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile("tune4j-best-model-", ".t4j");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary copy of the best model: " + e.getMessage(), e);
        }
    }

    /** "the best model of study S (trial N, validation accuracy 99.12%)". */
    String describe(String name) {
        return String.format(Locale.ROOT, "the best model of study %s (trial %d, validation accuracy %.2f%%)", name,
                stored.number(), -100 * stored.value());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
