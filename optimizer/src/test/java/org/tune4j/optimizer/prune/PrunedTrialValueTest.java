package org.tune4j.optimizer.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.TrialState;

class PrunedTrialValueTest {
    private static final TrialReports PRUNED = TrialReports.of(9, TrialState.PRUNED, Map.of(1, -0.90, 2, -0.93));
    private static final List<TrialReports> OTHERS = List.of(
            TrialReports.of(1, TrialState.COMPLETE, Map.of(1, -0.80, 2, -0.95, 4, -0.99)),   // 2 -> end: -0.04
            TrialReports.of(2, TrialState.COMPLETE, Map.of(1, -0.50, 2, -0.90, 4, -0.92)),   // -0.02
            TrialReports.of(3, TrialState.COMPLETE, Map.of(2, -0.70, 4, -0.80)),             // -0.10
            TrialReports.of(4, TrialState.PRUNED, Map.of(1, -0.1, 2, -0.1)),                 // not complete
            TrialReports.of(5, TrialState.COMPLETE, Map.of(1, -0.6, 4, -0.97)));             // no report at 2

    @Test
    void lastTellsTheLastReportAndFailedTellsNothing() {
        assertThat(PrunedTrialValue.LAST.told(PRUNED, OTHERS)).isEqualTo(-0.93);
        assertThat(PrunedTrialValue.FAILED.told(PRUNED, OTHERS)).isNaN();
    }

    @Test
    void extrapolatedAddsTheMedianChangeOfCompleteTrialsFromThatStepToTheEnd() {
        // changes from step 2 of trials 1, 2, 3: -0.04, -0.02, -0.10 -> median -0.04
        assertThat(PrunedTrialValue.EXTRAPOLATED.told(PRUNED, OTHERS)).isCloseTo(-0.97, within(1e-12));
        // at step 1: trials 1, 2, 5: -0.19, -0.42, -0.37 -> median -0.37
        TrialReports early = TrialReports.of(9, TrialState.PRUNED, Map.of(1, -0.5));
        assertThat(PrunedTrialValue.EXTRAPOLATED.told(early, OTHERS)).isCloseTo(-0.87, within(1e-12));
        // even count: trials 1 and 2 only -> (-0.04 + -0.02) / 2
        assertThat(PrunedTrialValue.medianChangeToTheEnd(2, OTHERS.subList(0, 2))).isCloseTo(-0.03, within(1e-12));
        // no complete trial reported there: the last value
        assertThat(PrunedTrialValue.EXTRAPOLATED.told(PRUNED, List.of(OTHERS.get(3)))).isEqualTo(-0.93);
    }

    @Test
    void parsesLowerCaseNamesAndRefusesOthers() {
        assertThat(PrunedTrialValue.parse("extrapolated")).isEqualTo(PrunedTrialValue.EXTRAPOLATED);
        assertThatThrownBy(() -> PrunedTrialValue.parse("penalty"))
                .hasMessage("expected one of last, failed, extrapolated, found 'penalty'");
    }
}
