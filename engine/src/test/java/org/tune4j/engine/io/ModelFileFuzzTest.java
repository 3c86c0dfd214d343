package org.tune4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.fuzz.Mutations;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;

/**
 * Seeded mutations of a small model file (byte flips, truncations, big size fields, inserted
 * bytes): each either fails with a {@link ModelFileException} or, when the bytes are unchanged in
 * effect, loads the very same model. No other exception, no error (out of memory, stack overflow),
 * no hang (the whole run is bounded by a timeout).
 */
class ModelFileFuzzTest {
    private static final int MUTATIONS = 400;

    @TempDir
    Path dir;

    @Test
    void mutatedModelFilesFailCleanlyOrLoadTheSameModel() throws Exception {
        Sequential original = Sequential.builder(1, 6, 6).conv2d(2, 3, Padding.SAME).activation(Activation.RELU)
                .maxPool(2).flatten().dense(3).activation(Activation.SIGMOID).dense(2).build(7);
        Path file = dir.resolve("small.t4j");
        ModelFile.save(original, java.util.List.of("no", "yes"), file);
        byte[] bytes = Files.readAllBytes(file);
        SplittableRandom rng = new SplittableRandom(18);
        int[] outcomes = new int[2];  // refused, loaded the same
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                Mutations.Mutant m = Mutations.mutate(bytes, rng, 8);  // the architecture length field at 8
                Path mutant = Files.write(dir.resolve("mutant.t4j"), m.bytes());
                try {
                    SavedModel loaded = ModelFile.read(mutant);
                    assertThat(loaded.model().parameters()).as(m.description()).containsExactly(original.parameters());
                    assertThat(loaded.model().summary()).as(m.description()).isEqualTo(original.summary());
                    assertThat(loaded.classNames()).as(m.description()).containsExactly("no", "yes");
                    outcomes[1]++;
                } catch (ModelFileException expected) {
                    assertThat(expected.getMessage()).as(m.description()).contains(mutant.toString());
                    outcomes[0]++;
                } catch (Throwable other) {
                    fail(m.description() + ": " + other, other);
                }
            }
        });
        assertThat(outcomes[0]).as("refused mutants").isGreaterThan(MUTATIONS * 9 / 10);
    }
}
