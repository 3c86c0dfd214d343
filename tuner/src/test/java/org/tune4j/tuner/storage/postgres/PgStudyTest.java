package org.tune4j.tuner.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tune4j.tuner.storage.Json;

/** The configuration comparison that refuses a worker joining with other options. */
class PgStudyTest {
    @Test
    void theFirstDifferingFieldIsNamedWithBothValues() throws Exception {
        JsonNode recorded = Json.mapper().readTree("{\"calls\": 40, \"command\": [\"sh\", \"a.sh\"], \"seed\": 1}");
        JsonNode given = Json.mapper().readTree("{\"calls\": 40, \"command\": [\"sh\", \"b.sh\"], \"seed\": 1}");
        assertThat(PgStudies.firstDifference(recorded, given))
                .isEqualTo("field \"command\": recorded [\"sh\",\"a.sh\"], given [\"sh\",\"b.sh\"]");
    }

    @Test
    void aFieldOnOneSideOnlyIsADifferenceAndEqualConfigurationsHaveNone() throws Exception {
        JsonNode a = Json.mapper().readTree("{\"calls\": 40}");
        JsonNode b = Json.mapper().readTree("{\"calls\": 40, \"timeout\": 5}");
        assertThat(PgStudies.firstDifference(a, b)).isEqualTo("field \"timeout\": recorded null, given 5");
        assertThat(PgStudies.firstDifference(b, b.deepCopy())).isNull();
    }
}
