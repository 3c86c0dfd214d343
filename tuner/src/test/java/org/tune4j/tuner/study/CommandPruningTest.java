package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.prune.PercentilePruner;
import org.tune4j.optimizer.prune.PrunerConfig;
import org.tune4j.optimizer.prune.TrialReports;
import org.tune4j.tuner.storage.ReportRecord;

/** {@code tune4j minimize}'s intermediate values: {@code tune4j-report STEP VALUE} lines, judged and acted on. */
class CommandPruningTest {
    @TempDir
    Path tmp;

    /** Two complete trials that reported 1.0 and 2.0 at step 1 (median 1.5), 0.5 and 1.0 at step 2 (median 0.75). */
    private static TrialMonitor monitor() {
        List<TrialReports> others = List.of(
                TrialReports.of(1, TrialState.COMPLETE, Map.of(1, 1.0, 2, 0.5)),
                TrialReports.of(2, TrialState.COMPLETE, Map.of(1, 2.0, 2, 1.0)));
        return TrialMonitor.of(3, new PrunerConfig(new PercentilePruner.Median(), Map.of("min_trials", 2.0))
                .create(0, 0), others);
    }

    private TrialOutcome run(String script, TrialMonitor monitor, List<String> output) {
        return new CommandEvaluator(List.of("sh", "-c", script), tmp, output::add)
                .evaluate(new TrialRequest(3, Map.of("x", 0.5), monitor));
    }

    @Test
    void aHopelessCommandIsStoppedAtItsReportAndPruned() {
        long start = System.nanoTime();
        List<String> output = new ArrayList<>();
        TrialOutcome outcome = run("echo 'tune4j-report 1 1.2'; echo 'tune4j-report 2 1.7'; sleep 30; echo 0.1",
                monitor(), output);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(outcome.state()).isEqualTo(TrialState.PRUNED);
        assertThat(outcome.value()).isEqualTo(1.7);
        // the median rule judges the trial's best so far, 1.2, against the step-2 median 0.75
        assertThat(outcome.pruneReason()).isEqualTo("after step 2: 1.2 > median 0.75 of 2 trials at this step");
        assertThat(outcome.reports()).containsExactly(new ReportRecord(1, 1.2, null, null),
                new ReportRecord(2, 1.7, null, null));
        assertThat(seconds).as("the sleeping command was stopped").isLessThan(15);
        assertThat(output).containsExactly("tune4j-report 1 1.2", "tune4j-report 2 1.7");
    }

    @Test
    void aPromisingCommandRunsToItsValueAndReportLinesAreNeverTheValue() {
        TrialMonitor m = monitor();
        TrialOutcome outcome = run("echo 'tune4j-report 1 0.5'; echo 0.25; echo 'tune4j-report 2 0.7'", m,
                new ArrayList<>());
        assertThat(outcome.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(outcome.value()).isEqualTo(0.25);
        assertThat(m.reports()).extracting(ReportRecord::step).containsExactly(1, 2);
    }

    @Test
    void aMalformedReportLineFailsTheTrialNamingTheFormat() {
        TrialOutcome bad = run("echo 'tune4j-report one 0.5'; echo 1", monitor(), new ArrayList<>());
        assertThat(bad.state()).isEqualTo(TrialState.FAILED);
        assertThat(bad.error()).isEqualTo("expected \"tune4j-report STEP VALUE\" (STEP a whole number >= 1, VALUE a "
                + "finite number), found \"tune4j-report one 0.5\"");
        TrialOutcome backwards = run("echo 'tune4j-report 2 0.5'; echo 'tune4j-report 1 0.5'; echo 1", monitor(),
                new ArrayList<>());
        assertThat(backwards.error()).isEqualTo("trial 3: report step 1 after step 2; expected increasing steps");
    }
}
