package org.tune4j.tuner.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.space.CategoricalDimension;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Prior;
import org.tune4j.optimizer.space.RealDimension;
import org.tune4j.optimizer.space.Space;

class SpaceFileTest {
    private static final String TUTORIAL = """
            {"learning_rate": {"type": "real", "low": 1e-6, "high": 1e-2, "prior": "log-uniform"},
             "num_dense_layers": {"type": "integer", "low": 1, "high": 5},
             "num_dense_nodes": {"type": "integer", "low": 5, "high": 512},
             "activation": {"type": "categorical", "categories": ["relu", "sigmoid"]}}
            """;

    @Test
    void readsTheTutorialSpaceInFileOrder() {
        Space space = SpaceFile.parse(TUTORIAL, "test");

        assertThat(space.names()).containsExactly("learning_rate", "num_dense_layers", "num_dense_nodes", "activation");
        assertThat(space.dimensions().get(0)).isEqualTo(new RealDimension("learning_rate", 1e-6, 1e-2, Prior.LOG_UNIFORM));
        assertThat(space.dimensions().get(1)).isEqualTo(new IntegerDimension("num_dense_layers", 1, 5, Prior.UNIFORM));
        assertThat(space.dimensions().get(3)).isEqualTo(new CategoricalDimension("activation", List.of("relu", "sigmoid")));
    }

    @Test
    void writingAndReadingAgainGivesTheSameSpace() {
        Space space = SpaceFile.parse(TUTORIAL, "test");
        assertThat(SpaceFile.fromJson(SpaceFile.toJson(space), "again")).isEqualTo(space);
    }

    @Test
    void typedValuesFollowTheDimensions() {
        Space space = SpaceFile.parse(TUTORIAL, "test");
        Map<String, Object> typed = typed(space, Map.of("activation", "relu", "num_dense_nodes", 16,
                "num_dense_layers", 2.0, "learning_rate", 0.001f));
        assertThat(typed).containsExactly(Map.entry("learning_rate", (double) 0.001f),
                Map.entry("num_dense_layers", 2), Map.entry("num_dense_nodes", 16), Map.entry("activation", "relu"));
    }

    private static Map<String, Object> typed(Space space, Map<String, ?> params) {
        return space.toMap(space.fromMap(params));
    }

    @Test
    void typedValuesRejectOutOfRangeAndUnknownNames() {
        Space space = SpaceFile.parse(TUTORIAL, "test");
        assertThatThrownBy(() -> typed(space, Map.of("learning_rate", 0.5, "num_dense_layers", 2,
                "num_dense_nodes", 16, "activation", "relu")))
                .hasMessageContaining("learning_rate").hasMessageContaining("[1.0E-6, 0.01]");
        assertThatThrownBy(() -> typed(space, Map.of("learning_rat", 0.001)))
                .hasMessageContaining("unknown dimension \"learning_rat\"");
        assertThatThrownBy(() -> typed(space, Map.of("learning_rate", 0.001, "num_dense_layers", 2.5,
                "num_dense_nodes", 16, "activation", "relu")))
                .hasMessageContaining("num_dense_layers").hasMessageContaining("expected an integer");
    }

    private static void rejects(String json, String... fragments) {
        assertThatThrownBy(() -> SpaceFile.parse(json, "space file s.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("space file s.json")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void badSpacesAreRejectedNamingTheDimensionAndField() {
        rejects("{\"lr\": {\"type\": \"real\", \"low\": 1, \"high\": 1}}", "dimension \"lr\": field \"high\"", "low < high",
                "found low 1.0, high 1.0");
        rejects("{\"n\": {\"type\": \"integer\", \"low\": 1.5, \"high\": 3}}", "\"n\"", "\"low\"", "expected an integer");
        rejects("{\"a\": {\"type\": \"categorical\", \"categories\": []}}", "\"a\"", "\"categories\"", "at least one");
        rejects("{\"a\": {\"type\": \"choice\"}}", "\"a\"", "\"type\"", "found \"choice\"");
        rejects("{\"lr\": {\"type\": \"real\", \"low\": 0, \"high\": 1, \"prior\": \"log-uniform\"}}", "\"lr\"", "low > 0");
        rejects("{\"lr\": {\"type\": \"real\", \"low\": 0, \"high\": 1, \"prior\": \"normal\"}}", "\"prior\"", "\"normal\"");
        rejects("{\"lr\": {\"type\": \"real\", \"low\": 0, \"hihg\": 1}}", "unknown field \"hihg\"");
        rejects("{\"lr\": {\"low\": 0, \"high\": 1}}", "\"lr\"", "\"type\" is missing");
        rejects("{}", "at least one dimension");
        rejects("{\"a\": {\"type\": \"categorical\", \"categories\": [\"relu\", \"\"]}}", "dimension \"a\"",
                "field \"categories\"", "non-empty");
        rejects("{\"x\": {\"type\": \"real\", \"low\": -1e308, \"high\": 1e308}}", "dimension \"x\"", "field \"high\"",
                "span");
        rejects("{\"lr\": {\"type\": \"real\", \"low\": 0, \"high\": 1},\n \"lr\": {\"type\": \"real\", \"low\": 0, \"high\": 2}}",
                "not valid JSON", "lr");
        rejects("[1, 2]", "expected a JSON object");
        rejects("{\"lr\": {\"type\": \"real\",", "not valid JSON");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> SpaceFile.read(Path.of("/nonexistent/space.json")))
                .hasMessage("space file /nonexistent/space.json: no such file");
    }
}
