/**
 * Reports of a study: the plots of tutorial 19 as PNG files and one self-contained
 * {@code report.html}, drawn from nothing but the files in a run directory.
 *
 * <p>Entry point: {@link org.tune4j.tuner.report.ReportWriter#write(java.nio.file.Path)}, called at
 * the end of a study and by {@code tune4j report RUN_DIR}, so a finished or interrupted run can be
 * redrawn at any time. It reads {@code results.json} ({@link org.tune4j.tuner.report.ResultsReader}),
 * refits the surrogate by replaying the trials ({@link org.tune4j.tuner.report.SurrogateDependence}),
 * and, when {@code best-model.t4j} and the dataset are at hand, evaluates the best model on the test
 * set ({@link org.tune4j.tuner.report.BestModelPredictions}).
 *
 * <p>One class per plot kind ({@code *Plot}); they share {@link org.tune4j.tuner.report.PlotStyle}
 * for fonts, colours and PNG output, and {@link org.tune4j.tuner.report.ChartGrid} to compose
 * matrices of sub-charts into one image.
 *
 * <p>This package is not the study, the storage or the CLI: it never writes {@code results.json}
 * and never trains anything.
 */
package org.tune4j.tuner.report;
