package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownGuardTest {

    @Test
    void theHookStopsTheRunningCommandAndNoCommandStartsAfterIt() throws Exception {
        List<Process> stopped = new ArrayList<>();
        ShutdownGuard guard = ShutdownGuard.install(p -> {
            stopped.add(p);
            p.destroyForcibly();
        }, "test-guard").orElseThrow();
        try (guard) {
            Process sleeper = guard.start(new ProcessBuilder("sleep", "30")).orElseThrow();
            guard.stopOnExit();                     // what the JVM's exit runs
            assertThat(stopped).containsExactly(sleeper);
            assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // the study loop's next trial, started while the JVM exits: refused, nothing runs
            Optional<Process> next = guard.start(new ProcessBuilder("sleep", "30"));
            assertThat(next).isEmpty();
            assertThat(stopped).hasSize(1);
        }
    }

    @Test
    void aHookWithNothingRunningStopsNothing() throws Exception {
        List<Process> stopped = new ArrayList<>();
        try (ShutdownGuard guard = ShutdownGuard.install(stopped::add, "test-guard-idle").orElseThrow()) {
            guard.stopOnExit();
            assertThat(stopped).isEmpty();
            assertThat(guard.start(new ProcessBuilder("true"))).isEmpty();
        }
    }
}
