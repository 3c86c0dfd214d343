package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.optimizer.space.Space;

class TutorialSpaceTest {
    @Test
    void theDefaultSpaceIsTheTutorials() {
        Space space = TutorialSpace.defaultSpace();
        assertThat(space.dimensions()).containsExactly(
                new RealDimension("learning_rate", 1e-6, 1e-2, Prior.LOG_UNIFORM),
                new IntegerDimension("num_dense_layers", 1, 5),
                new IntegerDimension("num_dense_nodes", 5, 512),
                new CategoricalDimension("activation", java.util.List.of("relu", "sigmoid")));
        TutorialSpace.check(space, "default");
    }

    @Test
    void theDefaultPointIsToldFirstWhenTheSpaceHoldsIt() {
        assertThat(TutorialSpace.defaultPoint(TutorialSpace.defaultSpace(), 128)).contains(Map.of(
                "learning_rate", 1e-5, "num_dense_layers", 1, "num_dense_nodes", 16, "activation", "relu"));
        Space huge = SpaceFile.parse("{\"learning_rate\": {\"type\": \"real\", \"low\": 10, \"high\": 100}}", "t");
        assertThat(TutorialSpace.defaultPoint(huge, 128)).isEmpty();
        Space batch = SpaceFile.parse("{\"batch_size\": {\"type\": \"integer\", \"low\": 16, \"high\": 256}}", "t");
        assertThat(TutorialSpace.defaultPoint(batch, 128)).contains(Map.of("batch_size", 128));
    }

    @Test
    void aSpaceForTheNetworkMustUseItsNamesAndTypes() {
        assertThatThrownBy(() -> TutorialSpace.check(SpaceFile.parse(
                "{\"dropout\": {\"type\": \"real\", \"low\": 0, \"high\": 0.5}}", "t"), "space file s.json"))
                .hasMessageStartingWith("space file s.json: dimension \"dropout\" is not a hyper-parameter")
                .hasMessageContaining("kernel_size");
        assertThatThrownBy(() -> TutorialSpace.check(SpaceFile.parse(
                "{\"num_dense_layers\": {\"type\": \"real\", \"low\": 1, \"high\": 5}}", "t"), "s.json"))
                .hasMessage("s.json: dimension \"num_dense_layers\": expected type integer");
        assertThatThrownBy(() -> TutorialSpace.check(SpaceFile.parse(
                "{\"activation\": {\"type\": \"categorical\", \"categories\": [\"relu\", \"swish\"]}}", "t"), "s.json"))
                .hasMessageContaining("dimension \"activation\": field \"categories\"").hasMessageContaining("swish");
        assertThatThrownBy(() -> TutorialSpace.check(SpaceFile.parse(
                "{\"num_dense_nodes\": {\"type\": \"integer\", \"low\": 0, \"high\": 5}}", "t"), "s.json"))
                .hasMessageContaining("field \"low\": expected at least 1, found 0");
    }
}
