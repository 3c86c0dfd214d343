/**
 * The live dashboard ({@code tune4j dashboard}): a small read-only web server, the JDK's own
 * {@code com.sun.net.httpserver}, that shows the studies of a runs directory (or of the run
 * directories given) as they run, in the browser.
 *
 * <p>It reads a run directory's files only, and only as they are: {@code study.json} for the
 * settings and budget, {@code journal.jsonl} (followed incrementally, never only the lagging
 * {@code results.json}) for the trials, {@code .lock} to tell a running study from an interrupted
 * one, each trial's {@code training.csv} for the curves of the trial in flight, and the PNGs that
 * the {@code report} package drew into {@code plots/}. It has no plotting code of its own: the
 * charts are drawn in the browser by uPlot, bundled from its WebJar and checked by SHA-256 at
 * start-up ({@link org.tune4j.tuner.dashboard.Assets}), and the report's plots of a study that has
 * none yet are drawn on request by the report's code in a copy of the study's files
 * ({@link org.tune4j.tuner.dashboard.PlotDrawer}).
 *
 * <p>Entry point: {@link org.tune4j.tuner.dashboard.DashboardServer#start}. Requests go through
 * {@link org.tune4j.tuner.dashboard.DashboardHandler} (methods, token, paths) to
 * {@link org.tune4j.tuner.dashboard.Routes}; a study's state is read by
 * {@link org.tune4j.tuner.dashboard.StudyWatch} and turned into JSON by
 * {@link org.tune4j.tuner.dashboard.StudyJson}.
 *
 * <p>This package is not the study, the storage or the report: it never writes into a run
 * directory and never takes a study's lock for longer than a probe.
 */
package org.tune4j.tuner.dashboard;
