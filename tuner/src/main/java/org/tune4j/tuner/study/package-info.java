/**
 * A study: the ask/tell loop that proposes hyper-parameters, evaluates them (by training the
 * tutorial's network, or by running an external command) and tells the result back, through one
 * {@code StudyStorage} with two backends: a run directory (the journal replay that makes it
 * resumable) or a study shared in PostgreSQL by workers ({@code AskTellStorage} is the same for
 * {@code ask}/{@code tell}, one step per process).
 *
 * <p>It is not the command line (see {@code cli}), not the file formats (see {@code storage}),
 * and not the plots (see {@code report}).
 */
package org.tune4j.tuner.study;
