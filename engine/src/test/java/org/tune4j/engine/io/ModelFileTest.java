package org.tune4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.engine.model.Sequential;

/** Round trip (with and without class names), the documented byte layout, and rejection of damaged or foreign files. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static Sequential model() {
        return Sequential.builder(3, 9, 9)
                .conv2d(4, 3, 2, Padding.VALID).activation(Activation.TANH).maxPool(2, 1)
                .flatten().dense(5).activation(Activation.SIGMOID).dense(3)
                .build(42);
    }

    @Test
    void roundTripKeepsArchitectureAndEveryWeight() throws Exception {
        Sequential original = model();
        Path file = dir.resolve("sub/model.t4j");
        ModelFile.save(original, file);
        Sequential loaded = ModelFile.load(file);
        assertThat(loaded.parameters()).containsExactly(original.parameters());
        assertThat(loaded.summary()).isEqualTo(original.summary());
        assertThat(loaded.layers()).extracting(l -> l.config()).isEqualTo(original.layers().stream().map(l -> l.config()).toList());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);  // the temporary file is gone
        }
    }

    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** A model file as written before class names existed: this header, then {@code parameters} zeros. */
    private Path fileWithHeader(String name, String header, int parameters) throws Exception {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + json.length + 4 * parameters).order(ByteOrder.LITTLE_ENDIAN);
        b.put("T4JM".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(json.length).put(json).putInt(parameters);
        return Files.write(dir.resolve(name), b.array());
    }

    @Test
    void roundTripKeepsTheClassNames() throws Exception {
        Sequential original = NetworkSpec.tutorial(1, 16, Activation.RELU).build(3);
        Path file = dir.resolve("fashion.t4j");

        ModelFile.save(original, FASHION, file);
        SavedModel saved = ModelFile.read(file);

        assertThat(saved.classNames()).isEqualTo(FASHION);
        assertThat(saved.model().parameters()).containsExactly(original.parameters());
        assertThat(ModelFile.load(file).summary()).isEqualTo(original.summary());
    }

    @Test
    void aFileWithoutClassNamesLoadsWithTheIndicesAsNames() throws Exception {
        Path file = fileWithHeader("old.t4j", "{\"format\":\"tune4j-sequential\",\"input\":[1,2,2],\"parameters\":15,"
                + "\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Dense\",\"units\":3}]}", 15);

        SavedModel saved = ModelFile.read(file);

        assertThat(saved.classNames()).containsExactly("0", "1", "2");
        assertThat(saved.model().parameterCount()).isEqualTo(15);
        Path unnamed = dir.resolve("unnamed.t4j");
        ModelFile.save(saved.model(), unnamed);
        byte[] old = Files.readAllBytes(file);
        byte[] now = Files.readAllBytes(unnamed);   // the old bytes, as format 2 with the checksum after them
        assertThat(Arrays.copyOfRange(now, 8, old.length)).isEqualTo(Arrays.copyOfRange(old, 8, old.length));
        assertThat(now).hasSize(old.length + 4);
    }

    @Test
    void classNamesThatDoNotFitTheOutputsAreRefused() throws Exception {
        assertThatThrownBy(() -> ModelFile.save(model(), List.of("cat", "dog"), dir.resolve("two.t4j")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class names: expected 3 (one per output of the model), found 2");
        Path file = fileWithHeader("two.t4j", "{\"format\":\"tune4j-sequential\",\"input\":[1,2,2],\"parameters\":15,"
                + "\"class_names\":[\"cat\",\"dog\"],\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Dense\",\"units\":3}]}", 15);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("class names: expected 3 (one per output of the model), found 2");
        Path numbers = fileWithHeader("numbers.t4j", "{\"format\":\"tune4j-sequential\",\"input\":[1,2,2],"
                + "\"parameters\":15,\"class_names\":[1,2,3],\"layers\":[{\"type\":\"Flatten\"},"
                + "{\"type\":\"Dense\",\"units\":3}]}", 15);
        assertThatThrownBy(() -> ModelFile.read(numbers)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("class_names: expected a list of strings, found [1, 2, 3]");
    }

    @Test
    void tutorialModelLayoutIsAsDocumented() throws Exception {
        Sequential m = NetworkSpec.tutorial(1, 16, Activation.RELU).build(1);
        Path file = dir.resolve("tutorial.t4j");
        ModelFile.save(m, file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("T4JM");
        assertThat(b.getInt()).isEqualTo(2);
        int length = b.getInt();
        byte[] json = new byte[length];
        b.get(json);
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"format\":\"tune4j-sequential\",\"input\":[1,28,28]");
        assertThat(b.getInt()).isEqualTo(43_262);
        assertThat(b.getFloat()).isEqualTo(m.parameters()[0]);
        assertThat(b.remaining()).isEqualTo(4 * (43_262 - 1) + 4);
        b.position(b.limit() - 4);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 0, b.limit() - 4);
        assertThat(b.getInt()).isEqualTo((int) crc.getValue());
    }

    @Test
    void truncatedFileIsRejectedNamingFileAndExpectation() throws Exception {
        Path file = dir.resolve("cut.t4j");
        ModelFile.save(model(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("checksum mismatch");
        byte[] format1 = Arrays.copyOf(bytes, bytes.length - 4 - 7);  // no checksum to catch it: the lengths do
        format1[4] = 1;
        Files.write(file, format1);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("parameters").hasMessageContaining("bytes");
        Files.write(file, Arrays.copyOf(format1, 30));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("truncated: expected an architecture of");
        Files.write(file, Arrays.copyOf(bytes, 30));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("checksum mismatch");
        Files.write(file, Arrays.copyOf(bytes, 5));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("truncated: expected a 12-byte header");
    }

    @Test
    void foreignFileIsRejectedByItsMagic() throws Exception {
        Path file = dir.resolve("foreign.bin");
        Files.write(file, "PK\u0003\u0004 this is a zip, not a model".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + file + ": expected magic \"T4JM\", found \"PK\\x03\\x04\" (not a tune4j model file)");
    }

    @Test
    void wrongVersionAndMissingFileAreRejected() throws Exception {
        Path file = dir.resolve("v9.t4j");
        ModelFile.save(model(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = 9;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("expected format version 1 or 2, found 9");
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("absent.t4j"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void damagedArchitectureIsRejected() throws Exception {
        Path file = dir.resolve("bad.t4j");
        ModelFile.save(model(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = 1;  // as format 1: no checksum, so the architecture itself is read and refused
        String text = new String(bytes, 0, bytes.length - 4, StandardCharsets.ISO_8859_1).replace("\"Dense\"", "\"Dunce\"");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("unknown layer type 'Dunce', expected one of: ")
                .hasMessageContaining("Conv2D").hasMessageContaining("Dense");
    }

    /**
     * A committed format-1 file keeps loading, and saving what it holds writes the same bytes. It was
     * written by {@code ModelFile.save(m, List.of("no", "yes"), file)} for
     * {@code m = Sequential.builder(1, 6, 6).conv2d(2, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
     * .flatten().dense(3).activation(Activation.SIGMOID).dense(2).build(7)}.
     */
    @Test
    void aCommittedFormat1FileLoadsAndSavesToTheSameBytesWithVersion2AndTheChecksum() throws Exception {
        Path fixture = Path.of(getClass().getResource("/model-files/format1-small.t4j").toURI());
        SavedModel saved = ModelFile.read(fixture);

        assertThat(saved.classNames()).containsExactly("no", "yes");
        Sequential expected = Sequential.builder(1, 6, 6)
                .conv2d(2, 3, Padding.SAME).activation(Activation.RELU).maxPool(2)
                .flatten().dense(3).activation(Activation.SIGMOID).dense(2)
                .build(7);
        assertThat(saved.model().summary()).isEqualTo(expected.summary());
        assertThat(saved.model().parameters()).containsExactly(expected.parameters());
        Path again = dir.resolve("again.t4j");
        ModelFile.save(saved.model(), saved.classNames(), again);
        byte[] format1 = Files.readAllBytes(fixture);
        byte[] format2 = Files.readAllBytes(again);
        assertThat(format2).hasSize(format1.length + 4);
        assertThat(Arrays.copyOfRange(format2, 8, format1.length)).isEqualTo(Arrays.copyOfRange(format1, 8, format1.length));
        assertThat(format2[4]).isEqualTo((byte) 2);
    }

    /** 200,000 nested brackets in the header: a clean refusal, not a StackOverflowError. */
    @Test
    void deeplyNestedHeaderIsRefused() throws Exception {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        Path file = fileWithHeader("deep.t4j", "{\"format\":\"tune4j-sequential\",\"input\":" + deep + "}", 0);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(file.toString())
                // the root object and 63 arrays are read; the 64th '[' stands at offset 38 + 63
                .hasMessageContaining("invalid architecture: JSON: expected at most 64 nested arrays and objects"
                        + " at offset 101, found '['");
        assertThat(Json.parse("[".repeat(64) + "]".repeat(64))).isInstanceOf(List.class);
    }

    @Test
    void jsonReadsWhatItWrites() {
        Object parsed = Json.parse(" {\"a\": [1, -2.5e3, true, null, \"x\\\"y\\u00e9\"], \"b\": {}} ");
        assertThat(Json.write(parsed)).isEqualTo("{\"a\":[1,-2500.0,true,null,\"x\\\"yé\"],\"b\":{}}");
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).hasMessage("JSON: expected ':' at offset 5, found '1'");
    }

    @Test
    void aSavedModelHasTheDefaultPermissionsNotOwnerOnlyOnesAndNoTemporaryFileIsLeft() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("made-by-the-user"));
        Path file = dir.resolve("shared.t4j");

        ModelFile.save(NetworkSpec.tutorial(1, 16, Activation.RELU).build(3), file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("made-by-the-user",
                    "shared.t4j");
        }
    }
}
