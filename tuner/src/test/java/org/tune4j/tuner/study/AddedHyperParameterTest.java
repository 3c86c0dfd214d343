package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tune4j.engine.model.ConvSpec;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.SpaceFile;

/**
 * A new hyper-parameter is one entry of a table: a test-only {@code conv3_filters} (the filters of
 * the third and later conv layers), added to the tutorial's table and nothing else, is accepted in
 * a space file, filled in when a space leaves it out, named in log directories when searched, and
 * applied to the network a trial builds.
 */
class AddedHyperParameterTest {

    /** The one entry. */
    private static final HyperParameter CONV3 = HyperParameter.integer("conv3_filters", 36, 1, "conv3", false,
            "--conv3-filters", "Filters of the third and later conv layers.", (plan, v) -> {
                List<ConvSpec> conv = new ArrayList<>(plan.network().convLayers());
                for (int i = 2; i < conv.size(); i++) {
                    conv.set(i, new ConvSpec((Integer) v, conv.get(i).kernelSize()));
                }
                return plan.withNetwork(plan.network().withConvLayers(conv));
            });

    private static final List<HyperParameter> TABLE = new ArrayList<>(TutorialHyperParameters.TABLE) {{
            add(CONV3);
        }};

    private static final Space SPACE = SpaceFile.parse("""
            {"num_conv_layers": {"type": "integer", "low": 3, "high": 4},
             "conv3_filters": {"type": "integer", "low": 4, "high": 64, "prior": "log-uniform"}}
            """, "space file conv3.json");

    @Test
    void aSpaceFileMaySearchIt() {
        TutorialSpace.check(SPACE, "space file conv3.json", TABLE);

        assertThatThrownBy(() -> TutorialSpace.check(SPACE, "space file conv3.json"))
                .hasMessageStartingWith("space file conv3.json: dimension \"conv3_filters\" is not a hyper-parameter");
        Space tooLow = SpaceFile.parse("{\"conv3_filters\": {\"type\": \"integer\", \"low\": 0, \"high\": 4}}", "t");
        assertThatThrownBy(() -> TutorialSpace.check(tooLow, "t", TABLE))
                .hasMessage("t: dimension \"conv3_filters\": field \"low\": expected at least 1, found 0");
    }

    @Test
    void aSampledPointIsAppliedToTheNetworkAndNamedInTheLogDirectory() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 10; i++) {
            Map<String, Object> point = SPACE.toMap(SPACE.sample(rng));
            HyperParameters hp = HyperParameters.defaults(TABLE).with(point);
            int layers = (Integer) point.get("num_conv_layers");
            int filters = (Integer) point.get("conv3_filters");

            List<ConvSpec> conv = hp.plan(1, 28, 28, 10).network().convLayers();

            assertThat(conv).hasSize(layers);
            assertThat(conv).extracting(ConvSpec::filters).startsWith(16, 36);
            assertThat(conv.subList(2, layers)).allMatch(c -> c.filters() == filters && c.kernelSize() == 5);
            assertThat(hp.logDirName(SPACE.names()))
                    .isEqualTo("lr_1e-05_layers_1_nodes_16_relu_convs_" + layers + "_conv3_" + filters);
        }
    }

    @Test
    void leftOutItTakesItsDefault() {
        HyperParameters hp = HyperParameters.defaults(TABLE).with(Map.of("num_conv_layers", 3));

        assertThat(hp.valueOf("conv3_filters")).isEqualTo(36);
        assertThat(hp.plan(1, 28, 28, 10).network().convLayers()).extracting(ConvSpec::filters)
                .containsExactly(16, 36, 36);
        assertThat(hp.logDirName(List.of("learning_rate"))).isEqualTo("lr_1e-05_layers_1_nodes_16_relu");
    }
}
