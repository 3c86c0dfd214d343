package org.tune4j.tuner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuner.storage.Json;

/** Pruned trials in the report: their own colour in the plots, their own rows and reasons on the page. */
class PrunedReportTest {
    @TempDir
    Path tmp;

    /** The fixture study with trials 6 and 9 pruned after their first quarter epoch. */
    private static String withPrunedTrials() throws IOException {
        ObjectNode doc = (ObjectNode) Json.mapper().readTree(Fixtures.resultsJson());
        for (JsonNode t : doc.get("trials")) {
            int n = t.get("number").asInt();
            if (n == 6 || n == 9) {
                ObjectNode trial = (ObjectNode) t;
                trial.put("state", "pruned");
                trial.put("value", -0.106);
                trial.put("prune_reason", "after 0.25 epoch: 10.6% < median 91.2% of 5 trials at this step");
                ArrayNode reports = trial.putArray("reports");
                reports.addObject().put("step", 1).put("value", -0.106).put("epochs", 0.25).put("images", 13824);
            }
        }
        return Json.mapper().writeValueAsString(doc);
    }

    private static int pixelsOf(BufferedImage image, java.awt.Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void prunedTrialsAreDrawnAndListedApart() throws IOException {
        Path run = Fixtures.runDir(tmp, "pruned", withPrunedTrials());
        Report report = ReportWriter.write(run);
        String html = Files.readString(report.html());
        assertThat(html).contains("15 trials: 12 complete, 2 pruned, 1 failed.")
                .contains("<h2>Pruned trials</h2>")
                .contains("after 0.25 epoch: 10.6% &lt; median 91.2% of 5 trials at this step")
                .contains("<tr class=\"pruned\">")
                .contains("(10.60%)");
        BufferedImage convergence = Fixtures.readPng(run.resolve(ReportWriter.PLOTS_DIR).resolve("convergence.png"));
        assertThat(pixelsOf(convergence, PlotStyle.PRUNED)).isGreaterThan(20);
        BufferedImage curves = Fixtures.readPng(run.resolve(ReportWriter.PLOTS_DIR).resolve("intermediate-values.png"));
        assertThat(pixelsOf(curves, PlotStyle.PRUNED)).isGreaterThan(20);
        assertThat(html).contains("<figure id=\"intermediate-values.png\">");
        BufferedImage histogram = Fixtures.readPng(run.resolve(ReportWriter.PLOTS_DIR).resolve("histogram-activation.png"));
        assertThat(pixelsOf(histogram, PlotStyle.PRUNED)).isGreaterThan(20);

        Path plain = Fixtures.runDir(tmp, "plain", Fixtures.resultsJson());
        ReportWriter.write(plain);
        assertThat(pixelsOf(Fixtures.readPng(plain.resolve(ReportWriter.PLOTS_DIR).resolve("convergence.png")),
                PlotStyle.PRUNED)).isZero();
        assertThat(plain.resolve(ReportWriter.PLOTS_DIR).resolve("intermediate-values.png")).doesNotExist();
        assertThat(Files.readString(plain.resolve("report.html"))).doesNotContain("Pruned trials")
                .doesNotContain("<tr class=\"pruned\">").doesNotContain(" pruned, ");
    }
}
