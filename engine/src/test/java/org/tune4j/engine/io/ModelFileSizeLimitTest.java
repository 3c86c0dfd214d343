package org.tune4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small model files that claim huge sizes are refused before anything of that size is allocated,
 * the limit in the message (issue 18: a 101-byte model with input [1,46340,46340] ran out of memory).
 */
class ModelFileSizeLimitTest {
    @TempDir
    Path dir;

    private Path file(String header) throws Exception {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + json.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("T4JM".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(json.length).put(json).putInt(0);
        Path file = dir.resolve("claims.t4j");
        return Files.write(file, b.array());
    }

    private static String header(String input, String layers) {
        return "{\"format\":\"tune4j-sequential\",\"input\":" + input + ",\"parameters\":0,\"layers\":[" + layers + "]}";
    }

    @Test
    void aHugeInputIsRefusedWithTheLimit() throws Exception {
        Path f = file(header("[1,46340,46340]", "{\"type\":\"Flatten\"},{\"type\":\"Dense\",\"units\":10}"));
        assertThat(Files.size(f)).isLessThan(200);
        assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("input 1 x 46340 x 46340: 2,147,395,600 values per example, more than the limit of 67,108,864");
    }

    @Test
    void aHugeKernelIsRefusedWithTheLimit() throws Exception {
        Path f = file(header("[1,28,28]",
                "{\"type\":\"Conv2D\",\"filters\":16,\"kernel_size\":100000,\"stride\":1,\"padding\":\"same\"}"));
        assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("Conv2D 16 filters of 100000x100000 over 1 channel: 160,000,000,016 parameters, "
                        + "more than the limit of 268,435,456");
    }

    @Test
    void aDenseLayerWhoseWeightsOverflowAnIntIsRefusedWithTheLimit() throws Exception {
        Path f = file(header("[1,28,28]", "{\"type\":\"Flatten\"},{\"type\":\"Dense\",\"units\":2000000000}"));
        assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("Dense 784 inputs x 2000000000 units: 1,570,000,000,000 parameters")
                .hasMessageContaining("more than the limit of 268,435,456");
    }

    @Test
    void aHugeConvOutputIsRefusedWithTheLimit() throws Exception {
        Path f = file(header("[1,4096,4096]",
                "{\"type\":\"Conv2D\",\"filters\":64,\"kernel_size\":1,\"stride\":1,\"padding\":\"same\"}"));
        assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("Conv2D output 64 x 4096 x 4096: 1,073,741,824 values per example, more than the "
                        + "limit of 67,108,864");
    }

    @Test
    void manyLayersTogetherAboveTheModelLimitAreRefusedBeforeTheParametersAreAllocated() throws Exception {
        String dense = "{\"type\":\"Dense\",\"units\":8192}";
        // 8192 x 8192 + 8192 = 67,117,056 parameters a layer: each one under the limit, five over it
        Path f = file(header("[1,1,8192]", "{\"type\":\"Flatten\"}," + String.join(",", dense, dense, dense, dense, dense)));
        assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("model of 6 layers: 335,585,280 parameters, more than the limit of 268,435,456");
    }
}
