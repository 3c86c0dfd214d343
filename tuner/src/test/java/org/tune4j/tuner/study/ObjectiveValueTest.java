package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values Python's float() accepts (checked with CPython 3.11 for every case below), and no more. */
class ObjectiveValueTest {
    @Test
    void readsWhatPythonsFloatReads() {
        assertThat(ObjectiveValue.parse("0.125")).isEqualTo(0.125);
        assertThat(ObjectiveValue.parse("  -3 ")).isEqualTo(-3.0);
        assertThat(ObjectiveValue.parse("+.5")).isEqualTo(0.5);
        assertThat(ObjectiveValue.parse("5.")).isEqualTo(5.0);
        assertThat(ObjectiveValue.parse("1e-3")).isEqualTo(1e-3);
        assertThat(ObjectiveValue.parse("2.5E+2")).isEqualTo(250.0);
        assertThat(ObjectiveValue.parse("1_000.000_1")).isEqualTo(1000.0001);
        assertThat(ObjectiveValue.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ObjectiveValue.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ObjectiveValue.parse("NaN")).isNaN();
        assertThat(ObjectiveValue.parse("-nan")).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5d", "1f", "0x1p3", "0x10", "1__0", "_1", "1_", "1e", ".", "", "e5", "1.5.2", "--1",
            "infinit", "1,5", "0.5 0.5"})
    void refusesWhatPythonsFloatRefuses(String text) {
        assertThatThrownBy(() -> ObjectiveValue.parse(text)).isInstanceOf(NumberFormatException.class);
    }
}
