/**
 * A study: the ask/tell loop that proposes hyper-parameters, evaluates them (by training the
 * tutorial's network, or by running an external command) and tells the result back, with the
 * journal replay that makes it resumable.
 *
 * <p>It is not the command line (see {@code cli}), not the file formats (see {@code storage}),
 * and not the plots (see {@code report}).
 */
package org.tune4j.tuner.study;
