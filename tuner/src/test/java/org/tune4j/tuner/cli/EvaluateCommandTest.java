package org.tune4j.tuner.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** evaluate refuses a test set whose classes are not the ones the model was trained on. */
class EvaluateCommandTest {

    private static final Path MODEL = Path.of("runs/x/best-model.t4j");
    private static final List<String> DIGITS = List.of("0", "1", "2");
    private static final List<String> CLOTHES = List.of("T-shirt/top", "Trouser", "Pullover");

    @Test
    void theSameClassesPass() {
        assertThatCode(() -> EvaluateCommand.requireSameClasses(MODEL, CLOTHES, "fashion-mnist", CLOTHES))
                .doesNotThrowAnyException();
    }

    @Test
    void aFileWithoutNamesIsTakenOnTrust() {
        assertThatCode(() -> EvaluateCommand.requireSameClasses(MODEL, DIGITS, "fashion-mnist", CLOTHES))
                .doesNotThrowAnyException();
    }

    @Test
    void otherClassesOrTheSameInAnotherOrderAreNamedInTheError() {
        assertThatThrownBy(() -> EvaluateCommand.requireSameClasses(MODEL, CLOTHES, "mnist", DIGITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(MODEL + ": the model was trained on the classes [T-shirt/top, Trouser, Pullover] but the test"
                        + " set of mnist has the classes [0, 1, 2]; evaluate it with the --dataset it was trained on");
        List<String> reordered = List.of("Trouser", "T-shirt/top", "Pullover");
        assertThatThrownBy(() -> EvaluateCommand.requireSameClasses(MODEL, CLOTHES, "images/", reordered))
                .hasMessageContaining("[Trouser, T-shirt/top, Pullover]");
    }
}
