package org.tune4j.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.tuner.report.Fixtures;
import org.tune4j.tuner.report.Report;
import org.tune4j.tuner.report.ReportOptions;
import org.tune4j.tuner.report.ReportWriter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens report.html in a real browser, headless Chromium (Debian package {@code chromium}, which
 * {@code .ci/run} installs), and checks what a reader would see: every image decoded (the page's
 * own script sets {@code data-images-loaded="N/M"} on body after the load event, read back with
 * {@code --dump-dom}) and a screenshot that is not blank. Without Chromium the test fails under
 * {@code CI=true} (as {@code .ci/run} runs it, after installing Chromium); elsewhere, so that
 * {@code ./mvnw verify} works on a machine with only a JDK, it is skipped, saying what to install.
 *
 * <p>The run directory is the report tests' 15-call fixture study ({@link Fixtures}, from tuner's
 * test jar) plus an untrained best model and the committed MNIST fixture, so all eight plots are
 * drawn; the CLI's own e2e tests cover a real study.
 */
class ReportInChromiumTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();   // tests run in src-test/
    private static final Path FIXTURE_DATA = REPO.resolve("data/fixtures/mnist-small");
    private static final Pattern IMAGES_LOADED = Pattern.compile("<body[^>]*data-images-loaded=\"(\\d+)/(\\d+)\"");
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    static Path tmp;

    private static Path chromium;
    private static Report report;

    @BeforeAll
    static void drawTheReport() throws IOException {
        chromium = Chromium.find(ReportInChromiumTest.class, "report.html");
        assertThat(FIXTURE_DATA).as("committed MNIST fixture").isDirectory();
        Path run = Fixtures.runDir(tmp, "run", Fixtures.resultsJson()
                .replace("\"dataset\": \"mnist\"", "\"dataset\": \"" + FIXTURE_DATA + "\""));
        ModelFile.save(NetworkSpec.tutorial(1, 16, Activation.RELU).build(7), run.resolve("best-model.t4j"));
        report = ReportWriter.write(run, ReportOptions.defaults().withThreads(1), line -> { });
        assertThat(report.notes()).as("plots skipped").isEmpty();
        assertThat(report.figures()).hasSize(8);
    }

    @Test
    void everyImageOfTheReportLoadsInChromium() throws IOException, InterruptedException {
        String dom = dumpDom(report.html());

        assertThat(loadedImages(dom)).isEqualTo(report.figures().size() + "/" + report.figures().size());
    }

    @Test
    void theLoadCheckNoticesABrokenImage() throws IOException, InterruptedException {
        String html = Files.readString(report.html());
        Path broken = tmp.resolve("broken.html");
        Files.writeString(broken, html.replaceFirst("base64,iVBOR", "base64,AAAAA"));   // corrupt the first PNG

        String dom = dumpDom(broken);

        assertThat(loadedImages(dom)).isEqualTo((report.figures().size() - 1) + "/" + report.figures().size());
    }

    @Test
    void theScreenshotOfTheReportIsNotBlank() throws IOException, InterruptedException {
        Path png = tmp.resolve("screenshot.png");

        runChromium("screenshot", "--screenshot=" + png, "--window-size=1280,2400", "--hide-scrollbars",
                "--virtual-time-budget=10000", report.html().toUri().toString());

        BufferedImage shot = Fixtures.readPng(png);
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(Fixtures.luminanceVariance(shot)).as("pixel variance of the screenshot").isGreaterThan(200);
    }

    private static String loadedImages(String dom) {
        Matcher m = IMAGES_LOADED.matcher(dom);
        if (!m.find()) {
            fail("Chromium's DOM has no data-images-loaded attribute on <body> (did the page's script run?); DOM starts: "
                    + dom.substring(0, Math.min(400, dom.length())));
        }
        return m.group(1) + "/" + m.group(2);
    }

    private static String dumpDom(Path html) throws IOException, InterruptedException {
        return runChromium("dump-dom", "--dump-dom", "--virtual-time-budget=10000", html.toUri().toString());
    }

    /** Runs headless Chromium with a fresh profile and no network services; returns its stdout. */
    private static String runChromium(String label, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile-");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = tmp.resolve(label + ".out");
        Path err = tmp.resolve(label + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("Chromium (" + label + ") did not finish within " + TIMEOUT_SECONDS + " s; stderr: " + tail(err));
        }
        if (process.exitValue() != 0) {
            fail("Chromium (" + label + ") exited with status " + process.exitValue() + "; stderr: " + tail(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 2000));
    }
}
