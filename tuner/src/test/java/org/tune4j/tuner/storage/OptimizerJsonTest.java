package org.tune4j.tuner.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.TrialState;
import org.tune4j.optimizer.acquisition.LowerConfidenceBound;
import org.tune4j.optimizer.initial.LatinHypercubeDesign;
import org.tune4j.optimizer.surrogate.ExtraTrees;

/** How files spell the optimizer's settings and trial states. */
class OptimizerJsonTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void theDefaultsAreWrittenWithEveryParameterByName() {
        assertThat(Json.line(OptimizerConfig.defaults())).isEqualTo("{\"surrogate\":\"gp\",\"surrogate_parameters\":"
                + "{\"restarts\":2},\"acquisition\":\"EI\",\"acquisition_parameters\":{\"xi\":0.01},"
                + "\"initial_design\":\"random\",\"initial_points\":10,\"candidates\":10000,\"refine_from\":5,"
                + "\"seed\":0}");
    }

    @Test
    void settingsRoundTrip() throws Exception {
        OptimizerConfig config = OptimizerConfig.defaults().withSurrogate(new ExtraTrees.Factory())
                .withSurrogateParameter("trees", 50).withAcquisition(new LowerConfidenceBound.Factory())
                .withAcquisitionParameter("kappa", 0.5).withInitialDesign(new LatinHypercubeDesign())
                .withInitialPoints(4).withCandidates(123).withRefineFrom(0).withSeed(-9);
        assertThat(Json.mapper().readValue(Json.line(config), OptimizerConfig.class)).isEqualTo(config);
    }

    @Test
    void missingFieldsTakeTheDefaultsAndNamesAnyCase() throws Exception {
        assertThat(OptimizerJson.config(json("{}"))).isEqualTo(OptimizerConfig.defaults());
        assertThat(OptimizerJson.config(json("{\"surrogate\": \"GP\", \"acquisition\": \"ei\", \"seed\": 3}")))
                .isEqualTo(OptimizerConfig.defaults().withSeed(3));
    }

    @Test
    void badSettingsAreRefusedNamingFieldAndChoices() {
        assertThatThrownBy(() -> OptimizerJson.config(json("{\"surrogate\": \"svm\"}")))
                .hasMessageStartingWith("unknown surrogate 'svm'; expected one of ")
                .hasMessageContaining("gp, forest, extra-trees, random"); // after the test class path's own
        assertThatThrownBy(() -> OptimizerJson.config(json("{\"acq\": \"EI\"}")))
                .hasMessageStartingWith("optimizer settings: unknown field \"acq\"");
        assertThatThrownBy(() -> OptimizerJson.config(json("{\"acquisition_parameters\": {\"kappa\": 1}}")))
                .hasMessage("acquisition EI has no parameter 'kappa'; its parameters: xi");
        assertThatThrownBy(() -> OptimizerJson.config(json("{\"seed\": 1.5}")))
                .hasMessage("optimizer settings, field \"seed\": expected an integer, found 1.5");
        assertThatThrownBy(() -> OptimizerJson.config(json("[]")))
                .hasMessageStartingWith("optimizer settings: expected a JSON object");
    }

    @Test
    void trialStatesAreLowerCaseInFiles() throws Exception {
        assertThat(Json.line(TrialState.COMPLETE)).isEqualTo("\"complete\"");
        assertThat(Json.mapper().readValue("\"pending\"", TrialState.class)).isEqualTo(TrialState.PENDING);
        assertThat(OptimizerJson.text(TrialState.FAILED)).isEqualTo("failed");
        assertThatThrownBy(() -> OptimizerJson.trialState("COMPLETE"))
                .hasMessage("trial state: expected complete, failed or pending, found \"COMPLETE\"");
    }
}
