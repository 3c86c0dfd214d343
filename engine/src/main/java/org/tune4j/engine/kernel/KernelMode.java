package org.tune4j.engine.kernel;

/** Which kernels a model runs on: the scalar specification, or the Vector API (SIMD) kernels. */
public enum KernelMode {
    /** Plain Java loops; always available; the specification. */
    SCALAR,
    /** Vector API kernels; falls back to {@link #SCALAR} when jdk.incubator.vector is absent. */
    SIMD
}
