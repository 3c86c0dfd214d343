package org.tune4j.optimizer.surrogate;

/** A surrogate's predictive mean and standard deviation at one point (in the objective's units). */
public record Prediction(double mean, double std) {
}
