package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.TrialState;
import org.tune4j.tuner.storage.EpochRecord;
import org.tune4j.tuner.storage.Journal;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.tuner.storage.StudyLock;
import org.tune4j.tuner.storage.TrainingLog;
import org.tune4j.tuner.storage.TrialRecord;

/**
 * {@code tune4j dashboard} (the real CLI, its own JVM) on a run directory that a fake study in this
 * test is writing (holding the study's lock and appending to its journal and training logs with
 * the study's own storage classes), watched in headless Chromium ({@link DevTools}): a finished
 * epoch and then a finished trial appear without a reload, clicking a trial shows its learning
 * curves, and names and messages with markup in them show as text. Skipped without Chromium
 * (failed under {@code CI=true}), as {@code ReportInChromiumTest}.
 */
class DashboardInChromiumTest {
    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
    private static final String SCRIPT_NAME = "<script>alert(1)</script>";
    private static final String IMG_ERROR = "diverged <img src=x onerror=\"window.__xss = 1\">";

    @TempDir
    Path tmp;

    @Test
    void aRunningStudyUpdatesLiveAndAClickedTrialShowsItsCurves() throws Exception {
        Chromium.find(DashboardInChromiumTest.class, "the dashboard");
        Path run = Files.createDirectories(tmp.resolve("runs/live-study"));
        Files.writeString(run.resolve(RunLayout.STUDY), """
                {"format": 1, "kind": "tune", "created": "2026-01-02T03:04:05Z", "config": {"calls": 4, "epochs": 2},
                 "space": {"learning_rate": {"type": "real", "low": 1e-6, "high": 1e-2, "prior": "log-uniform"},
                           "<script>alert(1)</script>": {"type": "categorical", "categories": ["relu", "sigmoid"]}}}
                """);
        Journal journal = new Journal(new RunLayout(run).journal());
        journal.appendFinished(trial(run, 1, 1e-3, 0.90));
        journal.appendFinished(new TrialRecord(2, params(1e-2), 0.0, TrialState.FAILED, IMG_ERROR, 1.0, List.of(), null));

        try (StudyLock running = StudyLock.tryAcquire(run)) {
            Process dashboard = Tune4j.start(tmp, "dashboard", "dashboard", "--port", "0", run.toString());
            try (DevTools chromium = DevTools.launch(tmp, 1280, 1400)) {
                String url = dashboardUrl(dashboard, tmp.resolve("dashboard.out"));
                chromium.navigate(url + "study/live-study");
                chromium.waitUntil("the two trials of the journal", "document.body.getAttribute('data-trials')",
                        v -> "2".equals(v.asText()), 20);
                assertThat(chromium.evaluate("document.getElementById('state').textContent").asText()).isEqualTo("running");
                chromium.evaluate("window.__sameDocument = 'no reload'");

                // the fake study trains trial 3: its first epoch ends (a training log, no journal line yet)
                List<EpochRecord> epochs = history(0.95);
                TrainingLog.write(run.resolve("logs/trial_3"), epochs.subList(0, 1));
                chromium.waitUntil("the trial in flight with its first epoch",
                        "(document.querySelector('#trials tr[data-trial=\"live\"]') || {}).textContent || ''",
                        v -> v.asText().contains("1 / 2"), 20);
                // it finishes: the journal gets its line
                TrainingLog.write(run.resolve("logs/trial_3"), epochs);
                journal.appendFinished(trial(run, 3, 2e-3, 0.95));
                chromium.waitUntil("trial 3 in the table without a reload",
                        "document.querySelectorAll('#trials tbody tr[data-trial=\"3\"]').length", v -> v.asInt() == 1, 20);
                assertThat(chromium.evaluate("window.__sameDocument").asText()).isEqualTo("no reload");
                assertThat(chromium.evaluate("document.querySelector('#summary').textContent").asText())
                        .contains("3 / 4").contains("trial 3");

                String order = "[...document.querySelectorAll('#trials tbody tr')].map(tr => tr.getAttribute('data-trial')).join(',')";
                chromium.click("#trials th[data-key=\"value\"]");
                chromium.waitUntil("the trials sorted by value", order, v -> "3,1,2".equals(v.asText()), 10);
                chromium.click("#trials th[data-key=\"value\"]");
                chromium.waitUntil("the trials sorted by value, descending", order, v -> "2,1,3".equals(v.asText()), 10);

                chromium.click("#trials tbody tr[data-trial=\"3\"] td:nth-child(4)");
                chromium.waitUntil("trial 3's learning curves", "document.getElementById('curves').getAttribute('data-trials')",
                        v -> "3".equals(v.asText()), 20);
                JsonNode legend = chromium.evaluate("[...document.querySelectorAll('#curves .u-legend .u-label')]"
                        + ".map(e => e.textContent)");
                assertThat(legend.toString()).contains("trial 3").contains("trial 3 validation").contains("trial 3 training");
                assertThat(chromium.evaluate("document.querySelectorAll('#curves canvas').length").asInt()).isEqualTo(2);

                // markup from the study shows as text and runs nothing
                assertThat(chromium.evaluate("[...document.querySelectorAll('#trials th')].map(th => th.textContent)")
                        .toString()).contains(SCRIPT_NAME.replace("\"", "\\\""));
                assertThat(chromium.evaluate("document.querySelector('#trials tr[data-trial=\"2\"] td.reason').textContent")
                        .asText()).isEqualTo(IMG_ERROR);
                assertThat(chromium.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
                assertThat(chromium.evaluate("document.scripts.length").asInt()).isEqualTo(3);
                assertThat(chromium.evaluate("document.querySelectorAll('#trials img').length").asInt()).isZero();
            } finally {
                dashboard.destroy();
                dashboard.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aStudyOfAThousandTrialsOpensInUnderASecond() throws Exception {
        Chromium.find(DashboardInChromiumTest.class, "the dashboard");
        Path run = Files.createDirectories(tmp.resolve("runs/big"));
        Files.writeString(run.resolve(RunLayout.STUDY), """
                {"format": 1, "kind": "tune", "created": "2026-01-02T03:04:05Z", "config": {"calls": 1000, "epochs": 3},
                 "space": {"learning_rate": {"type": "real", "low": 1e-6, "high": 1e-2, "prior": "log-uniform"},
                           "activation": {"type": "categorical", "categories": ["relu", "sigmoid"]}}}
                """);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            double accuracy = 0.5 + 0.49 * ((i * 7919) % 1000) / 1000.0;
            lines.append(String.format(java.util.Locale.ROOT, "{\"event\":\"finished\",\"trial\":{\"number\":%d,"
                    + "\"params\":{\"learning_rate\":%s,\"activation\":\"relu\"},\"value\":%s,\"state\":\"complete\","
                    + "\"error\":null,\"seconds\":12.5,\"history\":[{\"epoch\":1,\"loss\":0.9,\"accuracy\":0.7,"
                    + "\"val_loss\":0.8,\"val_accuracy\":0.75,\"seconds\":6}],\"log_dir\":null}}%n", i, 1e-5 * i, -accuracy));
        }
        Files.writeString(run.resolve(RunLayout.JOURNAL), lines);
        Process dashboard = Tune4j.start(tmp, "dashboard", "dashboard", "--port", "0", run.toString());
        try (DevTools chromium = DevTools.launch(tmp, 1280, 1400)) {
            String url = dashboardUrl(dashboard, tmp.resolve("dashboard.out"));
            for (int open = 1; open <= 3; open++) {       // the first open meets a dashboard just started
                chromium.navigate("about:blank");
                chromium.waitUntil("a blank page", "document.body.getAttribute('data-rows')", JsonNode::isNull, 20);
                chromium.navigate(url + "study/big");
                chromium.waitUntil("the 1,000 trials drawn", "document.body.getAttribute('data-rows')",
                        v -> "1000".equals(v.asText()), 20);
                int rows = chromium.evaluate("document.querySelectorAll('#trials tbody tr').length").asInt();
                int first = chromium.evaluate("Number(document.body.getAttribute('data-first-render-ms'))").asInt();
                int all = chromium.evaluate("Number(document.body.getAttribute('data-all-rows-ms'))").asInt();
                System.out.println("dashboard: a 1,000-trial study page, open " + open + ": first screen (summary, "
                        + "convergence, first 100 rows) " + first + " ms, all 1,000 rows " + all + " ms after navigation");
                assertThat(rows).isEqualTo(1000);
                assertThat(first).as("ms from navigation to the first screen (1 s asked; margin for a busy machine)")
                        .isLessThan(5000);
            }
        } finally {
            dashboard.destroy();
            dashboard.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String dashboardUrl(Process dashboard, Path out) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            Matcher m = URL.matcher(Files.exists(out) ? Files.readString(out) : "");
            if (m.find()) {
                return m.group(1);
            }
            assertThat(dashboard.isAlive()).as("tune4j dashboard exited early: " + Files.readString(out.resolveSibling(
                    "dashboard.err"))).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("tune4j dashboard printed no address within 30 s");
    }

    private static Map<String, Object> params(double lr) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("learning_rate", lr);
        p.put(SCRIPT_NAME, "relu");
        return p;
    }

    private static List<EpochRecord> history(double accuracy) {
        return List.of(new EpochRecord(1, 0.8, accuracy - 0.15, 0.7, accuracy - 0.1, 1.0),
                new EpochRecord(2, 0.3, accuracy - 0.03, 0.35, accuracy, 1.0));
    }

    private static TrialRecord trial(Path run, int number, double lr, double accuracy) {
        String logDir = RunLayout.LOGS + "/trial_" + number;
        TrainingLog.write(run.resolve(logDir), history(accuracy));
        return new TrialRecord(number, params(lr), -accuracy, TrialState.COMPLETE, null, 2.0, history(accuracy), logDir);
    }
}
