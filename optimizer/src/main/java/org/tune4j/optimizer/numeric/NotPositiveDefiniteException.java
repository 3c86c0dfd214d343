package org.tune4j.optimizer.numeric;

/** A matrix stayed not positive definite even after the largest diagonal jitter. */
public final class NotPositiveDefiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int size;
    private final double lastJitter;

    public NotPositiveDefiniteException(int size, double lastJitter) {
        super("Cholesky of a " + size + "x" + size + " matrix failed: not positive definite even with diagonal jitter "
                + lastJitter);
        this.size = size;
        this.lastJitter = lastJitter;
    }

    public int size() {
        return size;
    }

    public double lastJitter() {
        return lastJitter;
    }
}
