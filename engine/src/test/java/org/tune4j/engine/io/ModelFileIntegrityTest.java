package org.tune4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.engine.model.Sequential;

/**
 * Wrong successes of issue 18: a byte flipped among the parameters predicted quietly differently
 * (46 of 100 flips changed predictions with exit 0), and NaN parameters predicted "probability NaN".
 */
class ModelFileIntegrityTest {
    @TempDir
    Path dir;

    private Path saved() throws Exception {
        Path file = dir.resolve("m.t4j");
        ModelFile.save(NetworkSpec.tutorial(1, 16, Activation.RELU).build(3), file);
        return file;
    }

    @Test
    void aByteFlippedAmongTheParametersIsRefusedNamingTheFile() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1000] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model file " + file + ": checksum mismatch: the file says CRC32 ")
                .hasMessageContaining("the file is damaged");
    }

    /** A format-1 file (no checksum) of finite parameters whose first parameter is then set to {@code value}. */
    private Path format1With(float value) throws Exception {
        Path file = saved();
        byte[] v2 = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(v2, 0, v2.length - 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, 1);
        int length = b.getInt(8);
        b.putFloat(16 + length, value);
        return Files.write(dir.resolve("v1.t4j"), java.util.Arrays.copyOf(b.array(), v2.length - 4));
    }

    @Test
    void aFormat1FileWithoutChecksumStillLoads() throws Exception {
        Sequential loaded = ModelFile.load(format1With(0.25f));
        assertThat(loaded.parameters()[0]).isEqualTo(0.25f);
    }

    @Test
    void nanOrInfiniteParametersAreRefused() throws Exception {
        assertThatThrownBy(() -> ModelFile.read(format1With(Float.NaN))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("parameter 0 of 43262 is NaN: a model's parameters must be finite numbers");
        Path file = format1With(Float.NEGATIVE_INFINITY);
        byte[] bytes = Files.readAllBytes(file);  // as format 2, with a correct checksum: the value itself is refused
        ByteBuffer b = ByteBuffer.allocate(bytes.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(bytes);
        b.putInt(4, 2);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, bytes.length);
        b.putInt(bytes.length, (int) crc.getValue());
        Files.write(file, b.array());
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("parameter 0 of 43262 is -Infinity");
    }
}
