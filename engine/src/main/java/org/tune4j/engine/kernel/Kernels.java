package org.tune4j.engine.kernel;

import java.lang.reflect.Constructor;
import java.util.function.Supplier;

/**
 * Picks the matrix-multiply implementation for a {@link KernelMode}.
 *
 * <p>{@link KernelMode#SIMD} gives a new {@link SimdMatMul} (it owns packing buffers, so each
 * worker asks for its own) when the {@code jdk.incubator.vector} module
 * is in the boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}) and
 * the class links; otherwise it falls back to {@link ScalarMatMul}, and {@link #simdStatus()} says
 * why. {@code SimdMatMul} is only ever named by its class name here, so this class loads and the
 * scalar path works on a JVM without the module.
 */
public final class Kernels {

    private static final String SIMD_MODULE = "jdk.incubator.vector";
    private static final String SIMD_CLASS = "org.tune4j.engine.kernel.SimdMatMul";
    private static final MatMul SCALAR = new ScalarMatMul();

    private Kernels() {
    }

    /**
     * The matrix multiply for one worker in this mode: a new {@link SimdMatMul} for SIMD (not
     * thread-safe: it owns its buffers), the stateless {@link ScalarMatMul} for SCALAR or when
     * the Vector API is absent.
     */
    public static MatMul matMul(KernelMode mode) {
        if (mode == KernelMode.SIMD && SimdHolder.MAT_MULS != null) {
            return SimdHolder.MAT_MULS.get();
        }
        return SCALAR;
    }

    /** Whether {@link KernelMode#SIMD} really runs on the Vector API in this JVM. */
    public static boolean simdAvailable() {
        return SimdHolder.MAT_MULS != null;
    }

    /** One line for logs: the vector width in use, or why SIMD fell back to scalar. */
    public static String simdStatus() {
        return SimdHolder.STATUS;
    }

    /**
     * The kernel of the same kind as {@code matMul}: one from {@code simd} when the worker runs on
     * {@link SimdMatMul} and the SIMD kernel loaded ({@code simd} non-null), else {@code scalar}
     * (so {@code --kernels scalar} means scalar everywhere).
     */
    static <T> T sameKindAs(MatMul matMul, T scalar, Supplier<? extends T> simd) {
        return matMul instanceof ScalarMatMul || simd == null ? scalar : simd.get();
    }

    /**
     * New instances of a SIMD kernel class named only by its name (so callers load without the
     * Vector API), or null when the module is absent or the class fails to link (tried once, here).
     */
    static <T> Supplier<T> simdFactory(String className, Class<T> type) {
        if (!simdAvailable()) {
            return null;
        }
        try {
            return newInstances(className, type);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Links the class and builds one instance now (so failures show here, not in a worker), then a factory. */
    private static <T> Supplier<T> newInstances(String className, Class<T> type) throws ReflectiveOperationException {
        Constructor<? extends T> constructor = Class.forName(className).asSubclass(type).getDeclaredConstructor();
        constructor.newInstance();
        return () -> {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(className + " linked but could not be constructed", e);
            }
        };
    }

    /** Resolved on first use, once per JVM. */
    private static final class SimdHolder {
        static final Supplier<MatMul> MAT_MULS;
        static final String STATUS;

        static {
            Supplier<MatMul> found = null;
            String status;
            if (ModuleLayer.boot().findModule(SIMD_MODULE).isEmpty()) {
                status = "scalar fallback: module " + SIMD_MODULE
                        + " is not loaded (start the JVM with --add-modules " + SIMD_MODULE + ")";
            } else {
                try {
                    Supplier<MatMul> factory = newInstances(SIMD_CLASS, MatMul.class);
                    status = "SIMD: Vector API, " + Class.forName(SIMD_CLASS).getMethod("vectorShape").invoke(null);
                    found = factory;
                } catch (ReflectiveOperationException | LinkageError e) {
                    status = "scalar fallback: " + SIMD_CLASS + " failed to load: " + e;
                }
            }
            MAT_MULS = found;
            STATUS = status;
        }
    }
}
