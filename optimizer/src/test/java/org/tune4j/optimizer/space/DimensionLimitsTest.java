package org.tune4j.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Spaces that were accepted and then failed a study (issue 18): a real range holding two doubles,
 * 100,000 categories. Refused at construction, naming the dimension and the field.
 */
class DimensionLimitsTest {

    @Test
    void aRealRangeOfTooFewRepresentableNumbersIsRefused() {
        assertThatThrownBy(() -> new RealDimension("lr", 1.0, 1.0000000000000002))
                .hasMessage("dimension \"lr\": field \"high\": expected a range holding at least 1000 distinct "
                        + "floating-point numbers, found low 1.0, high 1.0000000000000002 (about 2): use a wider range, "
                        + "or a fixed value");
        // 999 ulps of 1.0 apart is refused, 1000 accepted
        double ulp = Math.ulp(1.0);
        assertThatThrownBy(() -> new RealDimension("x", 1.0 - 0 * ulp, 1.0 + 999 * ulp)).hasMessageContaining("(about 1000)");
        assertThat(new RealDimension("x", 0.5, 1.0 + 1000 * ulp).high()).isEqualTo(1.0 + 1000 * ulp);
        assertThat(new RealDimension("lr", 1e-6, 1e-2, Prior.LOG_UNIFORM).low()).isEqualTo(1e-6);
    }

    @Test
    void tooManyCategoriesAreRefusedWithTheLimit() {
        List<String> many = IntStream.range(0, 100_000).mapToObj(i -> "c" + i).toList();
        assertThatThrownBy(() -> new CategoricalDimension("kind", many))
                .hasMessage("dimension \"kind\": field \"categories\": expected at most 1000 categories, found 100000");
        assertThat(new CategoricalDimension("kind", many.subList(0, 1000)).categories()).hasSize(1000);
    }
}
