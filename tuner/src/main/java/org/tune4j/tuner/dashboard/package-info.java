/**
 * The live dashboard ({@code tune4j dashboard}): a small read-only web server, the JDK's own
 * {@code com.sun.net.httpserver}, that shows the studies of a runs directory (or of the run
 * directories given) as they run, in the browser.
 *
 * <p>It reads a run directory's files only, and only as they are: {@code study.json} for the
 * settings and budget, {@code journal.jsonl} (followed incrementally, never only the lagging
 * {@code results.json}) for the trials, {@code .lock} to tell a running study from an interrupted
 * one, each trial's {@code training.csv} for the curves of the trial in flight, and the PNGs that
 * the {@code report} package drew into {@code plots/}. It draws no plot itself (the charts are
 * drawn in the browser by uPlot, bundled from its WebJar and checked by SHA-256 at start-up, see
 * {@link org.tune4j.tuner.dashboard.Assets}).
 *
 * <p>Entry point: {@link org.tune4j.tuner.dashboard.DashboardServer#start}. Requests go through
 * {@link org.tune4j.tuner.dashboard.DashboardHandler} (methods, token, paths) to
 * {@link org.tune4j.tuner.dashboard.Routes}; a study's state is read by
 * {@link org.tune4j.tuner.dashboard.StudyWatch} and turned into JSON by
 * {@link org.tune4j.tuner.dashboard.StudyJson}.
 *
 * <p>This package is not the study, the storage or the report: it never writes a file, never
 * takes a study's lock for longer than a probe, and never trains or refits anything.
 */
package org.tune4j.tuner.dashboard;
