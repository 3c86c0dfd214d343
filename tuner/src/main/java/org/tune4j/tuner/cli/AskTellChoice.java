package org.tune4j.tuner.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.tune4j.optimizer.BatchStrategy;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import org.tune4j.tuner.study.AskTellStorage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Where {@code ask} and {@code tell} find their study, decided once per command: {@code --study DIR}
 * (a run directory: {@link AskTellStorage#runDirectory}) or {@code --storage URL} / {@code TUNE4J_STORAGE}
 * with {@code --name} (PostgreSQL: {@link SharedAskTell}); {@code --study} wins over the environment
 * variable. The options that only one backend has are refused with the other, naming them.
 */
final class AskTellChoice {
    private AskTellChoice() {
    }

    /**
     * @param command      "ask" or "tell", for the message when no study is given
     * @param batch        ask's --batch-strategy (null for tell)
     * @param leaseSeconds ask's --lease (null when not given, and for tell)
     */
    static AskTellStorage resolve(CommandSpec spec, String command, Path study, StorageOptions storage, String name,
                                  BatchStrategy batch, Double leaseSeconds) {
        StorageUrl url = storage.url(name, study != null);
        if (url != null) {
            if (study != null) {
                throw new ParameterException(spec.commandLine(), "--study: names a run directory; with --storage the "
                        + "study is --name's");
            }
            if (batch != null && batch != BatchStrategy.CL_MIN) {
                throw new ParameterException(spec.commandLine(), "--batch-strategy: with --storage the pending trials "
                        + "are treated as every worker of the study treats them: cl-min (found " + batch.label() + ")");
            }
            if (leaseSeconds != null && !(leaseSeconds >= 1 && leaseSeconds <= 366 * 86400.0)) {
                throw new ParameterException(spec.commandLine(), "--lease: expected seconds in 1..31622400, found "
                        + leaseSeconds);
            }
            return new SharedAskTell(url, storage, name,
                    leaseSeconds == null ? null : Duration.ofMillis(Math.round(leaseSeconds * 1e3)));
        }
        if (study == null) {
            throw new ParameterException(spec.commandLine(), command + ": give the study: --study DIR (a run directory), "
                    + "or --storage URL --name S");
        }
        if (leaseSeconds != null) {
            throw new ParameterException(spec.commandLine(), "--lease: only with --storage (a run directory's "
                    + "pending trials wait for their tell)");
        }
        return AskTellStorage.runDirectory(new RunLayout(study), batch == null ? BatchStrategy.CL_MIN : batch);
    }
}
