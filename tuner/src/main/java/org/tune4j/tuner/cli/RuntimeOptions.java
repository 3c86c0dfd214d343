package org.tune4j.tuner.cli;

import org.tune4j.engine.kernel.KernelMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How training and evaluation run: threads and kernels (they do not change what is computed, only how fast). */
final class RuntimeOptions {
    /** The most worker threads: each holds its own activations and gradients (megabytes per thread). */
    static final int MAX_THREADS = 256;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--kernels", converter = Choices.KernelConverter.class,
            completionCandidates = Choices.KernelNames.class, paramLabel = "KIND",
            description = "Matrix kernels: ${COMPLETION-CANDIDATES} (default: simd).")
    KernelMode kernels;

    int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > MAX_THREADS) {
            throw new ParameterException(spec.commandLine(), "--threads: expected 1 to " + MAX_THREADS + " (this machine "
                    + "has " + Runtime.getRuntime().availableProcessors() + " processors), found " + n);
        }
        return n;
    }

    KernelMode kernels() {
        return kernels == null ? KernelMode.SIMD : kernels;
    }
}
