package org.tune4j.tuner.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.tune4j.engine.data.Datasets;
import org.tune4j.engine.kernel.KernelMode;
import org.tune4j.optimizer.OptimizerConfig;

/**
 * The settings of a tutorial study, recorded in {@code study.json}. {@link #tutorial(int)} is the
 * original run: 40 calls of 3 epochs, batch 128, on MNIST, with gp_minimize's optimizer settings.
 *
 * @param calls     trials in the study (>= 1)
 * @param epochs    training epochs per trial (>= 1)
 * @param batchSize mini-batch size, unless the space searches {@code batch_size} (>= 1)
 * @param dataset   {@code mnist}, {@code fashion-mnist} or a directory (see {@link Datasets})
 * @param limit     train on the first this many training images only; 0 for all
 * @param threads   training threads (>= 1)
 * @param kernels   matrix kernels used for training
 * @param optimizer the optimizer settings (its seed also seeds each trial's training: seed + trial number)
 * @param pruning   intermediate reports and the pruner ({@link Pruning#NONE}, the default, when
 *                  null; left out of study.json then)
 */
public record TuneConfig(int calls, int epochs, int batchSize, String dataset, int limit, int threads,
                         KernelMode kernels, OptimizerConfig optimizer,
                         @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Pruning.OmitNone.class)
                         Pruning pruning) {

    public static final int TUTORIAL_CALLS = 40;

    @JsonCreator
    public TuneConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(optimizer, "optimizer");
        pruning = pruning == null ? Pruning.NONE : pruning;
        atLeast("calls", calls, 1);
        atLeast("epochs", epochs, 1);
        atLeast("batch size", batchSize, 1);
        atLeast("limit", limit, 0);
        atLeast("threads", threads, 1);
    }

    /** A study without pruning or intermediate reports. */
    public TuneConfig(int calls, int epochs, int batchSize, String dataset, int limit, int threads,
                      KernelMode kernels, OptimizerConfig optimizer) {
        this(calls, epochs, batchSize, dataset, limit, threads, kernels, optimizer, Pruning.NONE);
    }

    private static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + ": expected at least " + min + ", found " + value);
        }
    }

    /** The original study (40 calls of 3 epochs, batch 128, MNIST, gp_minimize's settings) on {@code threads} threads. */
    public static TuneConfig tutorial(int threads) {
        return new TuneConfig(TUTORIAL_CALLS, 3, 128, Datasets.MNIST, 0, threads, KernelMode.SIMD,
                OptimizerConfig.defaults());
    }

    public TuneConfig withCalls(int newCalls) {
        return new TuneConfig(newCalls, epochs, batchSize, dataset, limit, threads, kernels, optimizer, pruning);
    }

    public TuneConfig withRuntime(int newThreads, KernelMode newKernels) {
        return new TuneConfig(calls, epochs, batchSize, dataset, limit, newThreads, newKernels, optimizer, pruning);
    }

    /** The same study with intermediate reports and a pruner. */
    public TuneConfig withPruning(Pruning newPruning) {
        return new TuneConfig(calls, epochs, batchSize, dataset, limit, threads, kernels, optimizer, newPruning);
    }

    /** The seed of trial {@code number}'s initialisation and shuffling. */
    public long trialSeed(int number) {
        return optimizer.seed() + number;
    }
}
