package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.SpaceFile;

/**
 * The space files that docs/EXERCISES.md tells students to use must stay valid: each parses, passes
 * the tutorial-network check, and every sampled point becomes hyper-parameters of a network the
 * engine can build (or, for conv depths pooling makes impossible, a clear refusal).
 */
class ExampleSpacesTest {
    private static final Path SPACES = Path.of("..", "docs", "spaces");

    @Test
    void everyDocumentedSpaceParsesAndBuildsNetworks() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SPACES)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("tutorial.json", "conv-and-batch.json", "conv-layers.json", "relu-only.json");
        for (Path file : files) {
            Space space = SpaceFile.read(file);
            TutorialSpace.check(space, file.toString());
            SplittableRandom rng = new SplittableRandom(7);
            for (int i = 0; i < 20; i++) {
                Map<String, Object> point = space.toMap(space.sample(rng));
                HyperParameters hp = HyperParameters.tutorialDefault(128).with(point);
                assertThat(hp.plan(1, 28, 28, 10).network().build(1).parameterCount())
                        .as("%s point %s", file.getFileName(), point).isPositive();
            }
        }
    }

    @Test
    void tutorialSpaceFileEqualsTheBuiltInDefault() {
        Space documented = SpaceFile.read(SPACES.resolve("tutorial.json"));
        assertThat(documented).isEqualTo(TutorialSpace.defaultSpace());
    }

    @Test
    void droppedDimensionsTakeTheTutorialDefaults() {
        Space spec = SpaceFile.read(SPACES.resolve("relu-only.json"));
        HyperParameters hp = HyperParameters.tutorialDefault(128)
                .with(Map.of("learning_rate", 1e-3, "num_dense_nodes", 64));
        assertThat(spec.names()).containsExactly("learning_rate", "num_dense_nodes");
        assertThat(hp.valueOf("num_dense_layers")).isEqualTo(1);
        assertThat(hp.valueOf("activation")).isEqualTo("relu");
        assertThat(hp.valueOf("num_conv_layers")).isEqualTo(2);
        assertThat(hp.valueOf("kernel_size")).isEqualTo(5);
    }
}
