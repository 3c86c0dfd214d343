package org.tune4j.tuner.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.NetworkSpec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report of the 15-call fixture study, and of runs too small or too broken for some plots. */
class ReportWriterTest {

    private static final List<String> SEARCH_PLOTS = List.of("convergence.png", "evaluations.png",
            "partial-dependence.png", "landscape.png", "histogram-activation.png");

    @TempDir
    static Path tmp;

    private static Report fixtureReport;
    private static String fixtureHtml;

    @BeforeAll
    static void drawTheFixtureReport() throws IOException {
        Path run = Fixtures.runDir(tmp, "fixture-run", Fixtures.resultsJson());
        fixtureReport = ReportWriter.write(run);
        fixtureHtml = Files.readString(fixtureReport.html());
    }

    @Test
    void drawsEverySearchPlotAsAReadablePngThatIsNotOneColour() throws IOException {
        assertThat(fixtureReport.figures()).extracting(f -> f.file().getFileName().toString())
                .containsExactlyElementsOf(SEARCH_PLOTS);
        for (Report.Figure figure : fixtureReport.figures()) {
            assertThat(figure.file()).isRegularFile();
            assertThat(figure.file().getParent().getFileName().toString()).isEqualTo(ReportWriter.PLOTS_DIR);
            BufferedImage image = Fixtures.readPng(figure.file());
            assertThat(image.getWidth()).as(figure.title()).isGreaterThan(400);
            assertThat(Fixtures.luminanceVariance(image)).as("pixel variance of " + figure.file()).isGreaterThan(100);
            assertThat(figure.caption()).isNotBlank();
        }
    }

    @Test
    void theHtmlEmbedsEveryPlotAsAnImageDataUri() {
        Matcher images = Pattern.compile("<img alt=\"([^\"]+)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">")
                .matcher(fixtureHtml);
        int count = 0;
        while (images.find()) {
            assertThat(images.group(2).length()).isGreaterThan(1000);
            count++;
        }
        assertThat(count).isEqualTo(fixtureReport.figures().size()).isEqualTo(SEARCH_PLOTS.size());
        for (Report.Figure figure : fixtureReport.figures()) {
            assertThat(fixtureHtml).contains("<figcaption>" + ReportHtml.escape(figure.caption()) + "</figcaption>");
        }
        assertThat(fixtureHtml).doesNotContain("http://", "https://", "src=\"plots/");
    }

    @Test
    void theHtmlHasTheResultsTableBestFirstWithEveryTrial() {
        String table = fixtureHtml.substring(fixtureHtml.indexOf("<table id=\"results\">"));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table.split("<tr", -1)).hasSize(1 + 1 + 15);   // before the first row, header, 15 trials
        assertThat(table).contains("<tr class=\"best\"><td class=\"num\">1</td><td class=\"num\">13</td>"
                + "<td class=\"num\">0.01</td><td class=\"num\">1</td><td class=\"num\">512</td>"
                + "<td class=\"num\">relu</td><td class=\"num\">99.00%</td><td>complete</td>");
        assertThat(table).contains("<tr class=\"failed\"><td class=\"num\">15</td><td class=\"num\">15</td>");
        assertThat(table.indexOf("98.76%")).isLessThan(table.indexOf("72.63%"));
    }

    @Test
    void theHtmlHasConfigurationBestResultExpectedMinimumAndErrors() {
        assertThat(fixtureHtml)
                .contains("<td>optimizer.surrogate</td><td>GP</td>")
                .contains("<td>learning_rate</td><td>real</td><td>1e-06 .. 0.01</td><td>log-uniform</td>")
                .contains("Best validation accuracy: 99.00%</b> at call 13")
                .contains("Surrogate's expected minimum: learning_rate = 0.0068, num_dense_layers = 2")
                .contains("predicted validation accuracy 98.71%")
                .contains("Best model on the test set: accuracy 98.82%")
                .contains("TrainingDivergedException: loss became NaN at epoch 1, batch 212")
                .contains("data-images-loaded");
    }

    @Test
    void withoutABestModelTheImagePlotsAreSkippedWithANote() {
        assertThat(fixtureReport.notes()).singleElement().asString()
                .contains("Test images with predictions", "Misclassified test images", "Confusion matrix")
                .contains("no best-model.t4j in the run directory");
        assertThat(fixtureHtml).contains("<p class=\"note\">Not drawn (Test images with predictions");
    }

    @Test
    void withABestModelAndItsDatasetTheTestImagePlotsAreDrawn() throws IOException {
        Path data = Path.of("..", "data", "fixtures", "mnist-small").toAbsolutePath().normalize();
        assertThat(data).as("the committed MNIST fixture (tests run in the tuner module directory)").isDirectory();
        String json = Fixtures.resultsJson().replace("\"dataset\": \"mnist\"", "\"dataset\": \"" + data + "\"");
        Path run = Fixtures.runDir(tmp, "with-model", json);
        ModelFile.save(NetworkSpec.tutorial(1, 16, Activation.RELU).build(7), run.resolve("best-model.t4j"));

        Report report = ReportWriter.write(run, ReportOptions.defaults().withThreads(1), line -> { });

        assertThat(report.notes()).isEmpty();
        assertThat(report.figures()).extracting(f -> f.file().getFileName().toString())
                .endsWith("test-samples.png", "misclassified.png", "confusion-matrix.png");
        for (Report.Figure figure : report.figures()) {
            assertThat(Fixtures.luminanceVariance(Fixtures.readPng(figure.file()))).as(figure.title()).isGreaterThan(100);
        }
    }

    @Test
    void aBestModelWithoutItsDatasetIsANoteNotAFailure() throws IOException {
        String json = Fixtures.resultsJson().replace("\"dataset\": \"mnist\"", "\"dataset\": \"no-such-dataset\"");
        Path run = Fixtures.runDir(tmp, "model-without-data", json);
        ModelFile.save(NetworkSpec.tutorial(1, 16, Activation.RELU).build(7), run.resolve("best-model.t4j"));

        Report report = ReportWriter.write(run);

        assertThat(report.figures()).hasSize(SEARCH_PLOTS.size());
        assertThat(report.notes()).singleElement().asString().contains("dataset \"no-such-dataset\" is not available");
    }

    @Test
    void redrawingReplacesTheReport() throws IOException {
        Path run = Fixtures.runDir(tmp, "redrawn", Fixtures.resultsJson());
        ReportWriter.write(run);
        Files.writeString(run.resolve("plots").resolve("test-samples.png"), "stale");

        Report again = ReportWriter.write(run);

        assertThat(again.figures()).hasSize(SEARCH_PLOTS.size());
        assertThat(run.resolve("plots").resolve("test-samples.png")).doesNotExist();
        assertThat(run.resolve("report.html.partial")).doesNotExist();
    }

    @Test
    void aRunWithOneTrialHasNoSurrogatePlotsButStillAReport() throws IOException {
        String oneTrial = """
                {"format": 1, "kind": "tune", "config": {"dataset": "mnist", "optimizer": {"surrogate": "GP", "seed": 0}},
                 "space": {"learning_rate": {"type": "real", "low": 1e-6, "high": 1e-2, "prior": "log-uniform"},
                           "num_dense_layers": {"type": "integer", "low": 1, "high": 5},
                           "activation": {"type": "categorical", "categories": ["relu", "sigmoid"]}},
                 "trials": [{"number": 1, "params": {"learning_rate": 1e-5, "num_dense_layers": 1, "activation": "relu"},
                             "value": -0.808, "state": "complete", "error": null, "seconds": 40.5, "history": [],
                             "log_dir": null}],
                 "best": {"number": 1, "params": {"learning_rate": 1e-5, "num_dense_layers": 1, "activation": "relu"},
                          "value": -0.808}}
                """;
        Path run = Fixtures.runDir(tmp, "one-trial", oneTrial);

        Report report = ReportWriter.write(run);

        assertThat(report.figures()).extracting(Report.Figure::title)
                .containsExactly("Convergence", "Evaluations", "Histogram of activation");
        assertThat(report.notes()).anySatisfy(n -> assertThat(n)
                .contains("Partial dependence", "Landscape")
                .contains("a surrogate needs at least 2 complete trials, this run has 1"));
        assertThat(Files.readString(report.html())).contains("80.80%").contains("data:image/png;base64,");
    }

    @Test
    void aRunWhoseTrialsFailedStillGetsAReport() throws IOException {
        String failed = """
                {"format": 1, "kind": "tune", "config": {},
                 "space": {"x": {"type": "real", "low": 0, "high": 1}, "y": {"type": "integer", "low": 1, "high": 3}},
                 "trials": [{"number": 1, "params": {"x": 0.5, "y": 2}, "value": 0.0, "state": "failed",
                             "error": "TrainingDivergedException: NaN loss", "seconds": 3.0, "history": []},
                            {"number": 2, "params": {"x": 0.25, "y": 1}, "state": "failed",
                             "error": "command exited with status 3", "seconds": 1.0}]}
                """;
        Path run = Fixtures.runDir(tmp, "all-failed", failed);

        Report report = ReportWriter.write(run);

        assertThat(report.figures()).extracting(Report.Figure::title).containsExactly("Convergence", "Evaluations");
        String html = Files.readString(report.html());
        assertThat(html).contains("No trial has completed yet.", "command exited with status 3", "NaN loss");
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("no learning_rate and num_dense_layers"));
    }

    @Test
    void theSurrogateIsRebuiltAsTheRunConfiguredIt() throws IOException {
        String forest = Fixtures.resultsJson().replace("\"surrogate\": \"GP\"", "\"surrogate\": \"RANDOM_FOREST\"");
        String random = Fixtures.resultsJson().replace("\"surrogate\": \"GP\"", "\"surrogate\": \"RANDOM\"");
        String bogus = Fixtures.resultsJson().replace("\"surrogate\": \"GP\"", "\"surrogate\": \"oracle\"");

        Report forestReport = ReportWriter.write(Fixtures.runDir(tmp, "forest", forest));
        Report randomReport = ReportWriter.write(Fixtures.runDir(tmp, "random", random));
        Report bogusReport = ReportWriter.write(Fixtures.runDir(tmp, "bogus", bogus));

        assertThat(forestReport.figures()).extracting(Report.Figure::title).contains("Partial dependence");
        assertThat(randomReport.notes()).anySatisfy(n -> assertThat(n).contains("random search has none"));
        assertThat(bogusReport.notes()).anySatisfy(n -> assertThat(n)
                .contains("cannot rebuild the optimizer from the run's config: unknown surrogate 'oracle'; expected one "
                        + "of ").contains("gp, forest, extra-trees, random"));
    }

    @Test
    void aStudyOfAnExternalCommandShowsValuesNotAccuracies() throws IOException {
        String minimize = """
                {"format": 1, "kind": "minimize", "config": {"calls": 3, "optimizer": {"surrogate": "GP", "seed": 4}},
                 "space": {"x": {"type": "real", "low": -2, "high": 2}, "kernel": {"type": "categorical",
                           "categories": ["rbf", "linear", "poly"]}},
                 "trials": [{"number": 1, "params": {"x": 0.5, "kernel": "rbf"}, "value": 2.5, "state": "complete"},
                            {"number": 2, "params": {"x": -1.0, "kernel": "poly"}, "value": 1.25, "state": "complete"},
                            {"number": 3, "params": {"x": 1.5, "kernel": "linear"}, "value": 4.0, "state": "complete"}],
                 "best": {"number": 2, "params": {"x": -1.0, "kernel": "poly"}, "value": 1.25}}
                """;
        Path run = Fixtures.runDir(tmp, "minimize", minimize);

        Report report = ReportWriter.write(run);

        assertThat(report.figures()).extracting(Report.Figure::title)
                .containsExactly("Convergence", "Evaluations", "Partial dependence", "Histogram of kernel");
        String html = Files.readString(report.html());
        assertThat(html).contains("<b>Best value: 1.25000</b> at call 2", "<th>value</th>")
                .doesNotContain("validation accuracy", "%</td>");
    }

    @Test
    void aMalformedResultsFileFailsWithFileAndField() throws IOException {
        Path run = Fixtures.runDir(tmp, "malformed", Fixtures.resultsJson().replace("\"state\": \"failed\"",
                "\"state\": \"exploded\""));

        assertThatThrownBy(() -> ReportWriter.write(run))
                .isInstanceOf(MalformedResultsException.class)
                .hasMessageContaining(run.resolve("results.json").toString())
                .hasMessageContaining("field trials[14].state: trial state: expected complete, failed or pending, found \"exploded\"");
        assertThat(run.resolve("report.html")).doesNotExist();
    }
}
