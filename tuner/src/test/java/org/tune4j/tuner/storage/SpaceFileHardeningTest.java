package org.tune4j.tuner.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space and study files that broke the one-line error of issue 18: 200,000 nested brackets
 * (Jackson reports no location: the message was a NullPointerException), Jackson's "Source:
 * REDACTED" in a damaged study.json, spaces accepted then failing.
 */
class SpaceFileHardeningTest {
    @TempDir
    Path tmp;

    @Test
    void deeplyNestedJsonIsRefusedInOneLineNamingTheFile() {
        String deep = "{\"x\": " + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertThatThrownBy(() -> SpaceFile.parse(deep, "space file deep.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("space file deep.json: not valid JSON (Document nesting depth (1001) exceeds the "
                        + "maximum allowed (1000");
    }

    @Test
    void aSyntaxErrorGivesLineAndColumnNotJacksonsSource() {
        assertThatThrownBy(() -> SpaceFile.parse("{\"x\": {\"type\": \"real\",\n \"low\": 0, \"high\": 1},}", "space file s.json"))
                .hasMessageStartingWith("space file s.json: not valid JSON (Unexpected character ('}' (code 125))")
                .hasMessageEndingWith("at line 2, column 23)")
                .hasMessageNotContaining("REDACTED");
    }

    @Test
    void aDamagedStudyFileIsNamedWithoutJacksonsSource() throws Exception {
        Path file = Files.writeString(tmp.resolve("study.json"), "{\"format\": 1,\n");
        assertThatThrownBy(() -> StudyFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": not valid JSON (Unexpected end-of-input within/between Object entries at line 2, "
                        + "column 1)");
    }

    @Test
    void spacesThatWouldFailAStudyAreRefusedAtLoadNamingTheDimension() {
        assertThatThrownBy(() -> SpaceFile.parse("{\"lr\": {\"type\": \"real\", \"low\": -1e308, \"high\": 1e308}}", "s"))
                .hasMessageStartingWith("s: dimension \"lr\": field \"high\": expected a span high - low that is a finite number");
        assertThatThrownBy(() -> SpaceFile.parse("{\"lr\": {\"type\": \"real\", \"low\": 1.0, \"high\": 1.0000000000000002}}", "s"))
                .hasMessageStartingWith("s: dimension \"lr\": field \"high\": expected a range holding at least 1000");
        assertThatThrownBy(() -> SpaceFile.parse("{\"n\": {\"type\": \"integer\", \"low\": 1, \"high\": 5}, "
                + "\"n\": {\"type\": \"integer\", \"low\": 1, \"high\": 8}}", "s"))
                .hasMessageContaining("Duplicate field 'n'");
        assertThatThrownBy(() -> SpaceFile.parse("{\"a\": {\"type\": \"categorical\", \"categories\": [\"relu\", \"\"]}}", "s"))
                .hasMessageStartingWith("s: dimension \"a\": field \"categories\": expected non-empty names");
        assertThatThrownBy(() -> SpaceFile.parse("{\"a\": {\"type\": \"categorical\", \"categories\": []}}", "s"))
                .hasMessage("s: dimension \"a\": field \"categories\": expected at least one category, found none");
    }
}
