package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches the real tune4j CLI as a separate JVM, as the {@code ./tune4j} launcher does:
 * {@code java --add-modules jdk.incubator.vector -Dtune4j.home=<repo> -jar tuner/target/tune4j.jar ...},
 * with the same java as the test JVM. In the reactor, tuner is packaged before src-test runs.
 */
final class Tune4j {
    /** The repository root (tests run in src-test/). */
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("tuner/target/tune4j.jar");
    /** The committed MNIST subset: 2,000 training and 500 test images. */
    static final Path MNIST_SMALL = REPO.resolve("data/fixtures/mnist-small");
    static final Path IMAGES_SMALL = REPO.resolve("data/fixtures/images-small");
    private static final long TIMEOUT_SECONDS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tune4j() {
    }

    /** What a finished run printed. */
    record Result(int exit, String out, String err) {
        /** The last non-blank line of stdout. */
        String lastLine() {
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static List<String> command(String... args) {
        assertThat(JAR).as("the application jar (package the tuner module first)").isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-Dtune4j.home=" + REPO, "-Xmx1g", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the CLI in {@code workDir} with stdout and stderr going to files there. */
    static Process start(Path workDir, String name, String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .redirectError(workDir.resolve(name + ".err").toFile())
                .start();
    }

    /** What a CLI run {@link #start}ed as {@code name} printed: its stdout, then its stderr, for failure messages. */
    static String output(Path workDir, String name) {
        try {
            return Files.readString(workDir.resolve(name + ".out"), StandardCharsets.UTF_8) + "\n--- stderr\n"
                    + Files.readString(workDir.resolve(name + ".err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Runs the CLI to completion in {@code workDir}. */
    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        String name = "run-" + System.nanoTime();
        Process p = start(workDir, name, args);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("tune4j " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), Files.readString(workDir.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    static JsonNode parseJson(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** Lines of a file that are not blank. */
    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }
}
