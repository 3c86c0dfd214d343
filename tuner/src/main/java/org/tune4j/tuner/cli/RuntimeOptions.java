package org.tune4j.tuner.cli;

import org.tune4j.engine.kernel.KernelMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How training and evaluation run: threads and kernels (they do not change what is computed, only how fast). */
final class RuntimeOptions {
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
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--threads: expected at least 1, found " + n);
        }
        return n;
    }

    KernelMode kernels() {
        return kernels == null ? KernelMode.SIMD : kernels;
    }
}
