/**
 * The files of a run directory: the append-only journal ({@code journal.jsonl}), the study
 * description ({@code study.json}), {@code results.json}, {@code trials.csv}, per-trial training
 * logs, the JSON search-space format, how the optimizer's settings and trial states are spelled in
 * these files ({@link org.tune4j.tuner.storage.OptimizerJson}), and atomic (write-then-rename) file
 * replacement.
 *
 * <p>It knows JSON and files, not how trials are chosen or evaluated. Every reader names the file
 * and the field when something is wrong.
 */
package org.tune4j.tuner.storage;
