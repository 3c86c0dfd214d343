package org.tune4j.tuner.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @Test
    void splitsAndDecodesEachSegmentOnce() {
        assertThat(RequestPath.segments("/")).contains(List.of());
        assertThat(RequestPath.segments("/study/my%20run")).contains(List.of("study", "my run"));
        assertThat(RequestPath.segments("/study/x/")).contains(List.of("study", "x"));
        assertThat(RequestPath.segments("/study/caf%C3%A9")).contains(List.of("study", "café"));
        // double encoding decodes once: the text "%2e%2e", which names no study (a table lookup, not a path)
        assertThat(RequestPath.segments("/api/studies/%252e%252e")).contains(List.of("api", "studies", "%2e%2e"));
        assertThat(RequestPath.segments("/a+b")).contains(List.of("a+b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../etc/passwd", "/study/..", "/study/.", "/assets/..%2f..%2fpom.xml",
            "/assets/%2e%2e", "/assets/%2E%2E/%2e%2e/etc/passwd", "/api/studies/%2fetc%2fpasswd", "//etc/passwd",
            "/assets//etc", "/study/a%5cb", "/study/a\\b", "/study/%00", "/study/%zz", "/study/%2", "/study/%C3",
            "relative", "", "/study/.%2e", "/study/%2e."})
    void refusesWhatCouldLeaveTheServedStudies(String raw) {
        assertThat(RequestPath.segments(raw)).as(raw).isEmpty();
    }
}
