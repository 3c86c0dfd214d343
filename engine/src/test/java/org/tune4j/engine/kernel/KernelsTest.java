package org.tune4j.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The factory: scalar on request, SIMD when the module is loaded, scalar fallback without it. */
class KernelsTest {

    @Test
    void scalarModeIsTheSpecification() {
        assertThat(Kernels.matMul(KernelMode.SCALAR)).isInstanceOf(ScalarMatMul.class);
    }

    @Test
    void simdModeUsesTheVectorApiWhenTheModuleIsLoaded() {
        // surefire starts the test JVM with --add-modules jdk.incubator.vector (parent pom)
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(Kernels.simdAvailable()).as(Kernels.simdStatus()).isTrue();
        assertThat(Kernels.matMul(KernelMode.SIMD)).isInstanceOf(SimdMatMul.class);
        assertThat(Kernels.simdStatus()).startsWith("SIMD: Vector API");
    }

    @Test
    void eachSimdWorkerGetsItsOwnInstanceBecauseItOwnsItsBuffers() {
        MatMul first = Kernels.matMul(KernelMode.SIMD);
        MatMul second = Kernels.matMul(KernelMode.SIMD);
        assertThat(first).isInstanceOf(SimdMatMul.class).isNotSameAs(second);
    }

    @Test
    void eachLayerStateGetsItsOwnSimdElementwiseOpsWhileTheStatelessIndirectKernelIsShared() {
        MatMul simd = Kernels.matMul(KernelMode.SIMD);
        assertThat(ElementwiseKernels.like(simd)).isInstanceOf(SimdElementwiseOps.class)
                .isNotSameAs(ElementwiseKernels.like(simd));
        assertThat(IndirectKernels.like(simd)).isInstanceOf(SimdIndirectMatMul.class)
                .isSameAs(IndirectKernels.like(simd));
        MatMul scalar = Kernels.matMul(KernelMode.SCALAR);
        assertThat(ElementwiseKernels.like(scalar)).isInstanceOf(ScalarElementwiseOps.class);
    }

    @Test
    void simdModeFallsBackToScalarWithoutTheModule() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), FallbackProbe.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("probe output").contains("available=false")
                .contains("impl=ScalarMatMul").contains("c=19.0,22.0,43.0,50.0")
                .contains("scalar fallback: module jdk.incubator.vector is not loaded");
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** Runs in a child JVM started without --add-modules jdk.incubator.vector. */
    static final class FallbackProbe {
        public static void main(String[] args) {
            MatMul mm = Kernels.matMul(KernelMode.SIMD);
            float[] c = new float[4];
            mm.ab(new float[] {1, 2, 3, 4}, 0, new float[] {5, 6, 7, 8}, 0, c, 0, 2, 2, 2, false);
            System.out.println("available=" + Kernels.simdAvailable() + " impl="
                    + mm.getClass().getSimpleName() + " c=" + c[0] + "," + c[1] + "," + c[2] + "," + c[3]
                    + " status=" + Kernels.simdStatus());
        }
    }
}
