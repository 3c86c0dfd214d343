/**
 * Read-only analyses of a fitted surrogate for reports and plots: 1-D and 2-D partial dependence
 * (Friedman 2001; scikit-optimize's {@code partial_dependence_1D/2D}). Results are plain records
 * whose axis values are in the original space (the learning rate itself, category names).
 *
 * <p>Not here: drawing (the tuner's report does that).
 */
package org.tune4j.optimizer.analysis;
