package org.tune4j.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.spi.Providers;

/**
 * Saves and loads {@link Sequential} models in tune4j's own format (never Java serialization),
 * with the names of the output classes when the writer gives them ({@link SavedModel}).
 *
 * <pre>
 * offset   size  content (all integers little-endian)
 * 0        4     magic: the ASCII bytes "T4JM"
 * 4        4     int32 format version, currently 2 (1: the same without the checksum; still read)
 * 8        4     int32 L: length in bytes of the architecture
 * 12       L     architecture, UTF-8 JSON:
 *                {"format":"tune4j-sequential","input":[C,H,W],"parameters":P,
 *                 "class_names":["T-shirt/top","Trouser",...],
 *                 "layers":[{"type":"Conv2D","filters":16,"kernel_size":5,"stride":1,"padding":"same"},
 *                           {"type":"Activation","activation":"relu"},
 *                           {"type":"MaxPool2D","pool_size":2,"stride":2},{"type":"Flatten"},
 *                           {"type":"Dense","units":10}, ...]}
 * 12+L     4     int32 P: number of parameters
 * 16+L     4P    float32 parameters in {@link Sequential#parameters()} order: per layer the kernel
 *                (Conv2D (out, in, kh, kw); Dense (in, out)) then the bias
 * 16+L+4P  4     CRC32 (java.util.zip, as zlib and PNG) of every byte before it (format 2 only)
 * </pre>
 * Each layer's object is its {@link Layer#config()}; the {@link LayerType} registered under its
 * {@code "type"} reads it back. {@code "class_names"} (one string per output) is optional: files written before it existed, or by
 * {@link #save(Sequential, Path)}, have none and read with the names "0", "1", ... Nothing follows the checksum. Saving writes a temporary file beside the target and renames it, so a reader
 * never sees a half-written model. Loading checks every field and rejects truncated, extended or
 * foreign files with a {@link ModelFileException}: a checksum that does not match (a damaged file
 * that would otherwise predict quietly wrong), parameters that are NaN or infinite, and sizes
 * beyond {@link org.tune4j.engine.layer.LayerLimits} before they are allocated.
 */
public final class ModelFile {

    /** The first four bytes of every model file. */
    public static final String MAGIC = "T4JM";
    /** The format version this class writes; it reads this one and {@link #VERSION_WITHOUT_CHECKSUM}. */
    public static final int VERSION = 2;
    /** The first format, without the trailing CRC32; still read. */
    public static final int VERSION_WITHOUT_CHECKSUM = 1;
    private static final String FORMAT = "tune4j-sequential";

    private ModelFile() {
    }

    /** Writes {@code model} without class names to {@code file} atomically (temporary file, then rename). */
    public static void save(Sequential model, Path file) throws IOException {
        write(model, null, file);
    }

    /**
     * Writes {@code model} with the names of its output classes (the training data's
     * {@code classNames()}) to {@code file} atomically.
     *
     * @throws IllegalArgumentException when there is not one non-blank name per output
     */
    public static void save(Sequential model, List<String> classNames, Path file) throws IOException {
        write(model, new SavedModel(model, classNames).classNames(), file);
    }

    private static void write(Sequential model, List<String> classNames, Path file) throws IOException {
        byte[] architecture = Json.write(describe(model, classNames)).getBytes(StandardCharsets.UTF_8);
        float[] params = model.parameters();
        ByteBuffer buf = ByteBuffer.allocate(20 + architecture.length + 4 * params.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(VERSION).putInt(architecture.length).put(architecture);
        buf.putInt(params.length);
        buf.asFloatBuffer().put(params);
        buf.position(buf.position() + 4 * params.length);
        buf.putInt(crc32(buf.array(), buf.position()));
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Files.createFile, not createTempFile: the file gets the permissions the umask allows
        // (models are meant to be shared), not owner-only ones that the rename would keep.
        Path temp = Files.createFile(dir.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
        try {
            Files.write(temp, buf.array());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads the network of a model file written by either {@code save}. */
    public static Sequential load(Path file) throws IOException {
        return read(file).model();
    }

    /** Reads a model file with its class names ("0", "1", ... when the file has none). */
    public static SavedModel read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "no such file");
        }
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        require(file, buf, 12, "a 12-byte header");
        byte[] magic = new byte[4];
        buf.get(magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            throw new ModelFileException(file, "expected magic \"" + MAGIC + "\", found \""
                    + printable(magic) + "\" (not a tune4j model file)");
        }
        int version = buf.getInt();
        if (version != VERSION && version != VERSION_WITHOUT_CHECKSUM) {
            throw new ModelFileException(file, "expected format version " + VERSION_WITHOUT_CHECKSUM + " or " + VERSION
                    + ", found " + version);
        }
        if (version == VERSION) {
            verifyChecksum(file, buf);
        }
        int length = buf.getInt();
        if (length < 0) {
            throw new ModelFileException(file, "expected an architecture length >= 0, found " + length);
        }
        require(file, buf, length, "an architecture of " + length + " bytes");
        byte[] json = new byte[length];
        buf.get(json);
        Map<?, ?> root = header(file, new String(json, StandardCharsets.UTF_8));
        Sequential.Builder builder = architecture(file, root);
        require(file, buf, 4, "the parameter count");
        int count = buf.getInt();
        if (count < 0 || (long) count * 4 != buf.remaining()) {
            throw new ModelFileException(file, "expected " + count + " parameters (" + 4L * count
                    + " bytes) after the architecture, found " + buf.remaining() + " bytes");
        }
        float[] params = new float[count];
        buf.asFloatBuffer().get(params);
        requireFinite(file, params);
        Sequential model;
        try {
            model = builder.buildWith(params);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "parameters do not fit the architecture: " + e.getMessage(), e);
        }
        try {
            return new SavedModel(model, classNames(file, root, model.outputShape().size()));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    /** Checks the trailing CRC32 and leaves {@code buf} ending before it. */
    private static void verifyChecksum(Path file, ByteBuffer buf) throws ModelFileException {
        int end = buf.limit() - 4;
        if (end < buf.position()) {
            throw new ModelFileException(file, "truncated: expected a 4-byte checksum at the end, found "
                    + buf.remaining() + " bytes after the header");
        }
        int stored = buf.getInt(end);
        int computed = crc32(buf.array(), end);
        if (stored != computed) {
            throw new ModelFileException(file, String.format("checksum mismatch: the file says CRC32 %08x, its bytes give"
                    + " %08x: the file is damaged (a copy cut short or altered); save or copy the model again",
                    stored, computed));
        }
        buf.limit(end);
    }

    private static int crc32(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static void requireFinite(Path file, float[] params) throws ModelFileException {
        for (int i = 0; i < params.length; i++) {
            if (!Float.isFinite(params[i])) {
                throw new ModelFileException(file, "parameter " + i + " of " + params.length + " is " + params[i]
                        + ": a model's parameters must be finite numbers (was it saved from a diverged training run?)");
            }
        }
    }

    private static Map<String, Object> describe(Sequential model, List<String> classNames) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        List<Object> input = new ArrayList<>();
        for (int d : model.inputShape().dims()) {
            input.add(d);
        }
        root.put("input", input);
        root.put("parameters", model.parameterCount());
        if (classNames != null) {
            root.put("class_names", classNames);
        }
        List<Object> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            layerType(layer.kind());  // a layer no type can read back is refused before anything is written
            layers.add(layer.config());
        }
        root.put("layers", layers);
        return root;
    }

    private static Map<?, ?> header(Path file, String json) throws ModelFileException {
        try {
            return (Map<?, ?>) Json.parse(json);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new ModelFileException(file, "invalid architecture: " + e.getMessage(), e);
        }
    }

    private static Sequential.Builder architecture(Path file, Map<?, ?> root) throws ModelFileException {
        try {
            if (!FORMAT.equals(root.get("format"))) {
                throw new ModelFileException(file, "expected architecture format \"" + FORMAT + "\", found " + root.get("format"));
            }
            List<?> input = (List<?>) root.get("input");
            if (input == null || input.size() != 3) {
                throw new ModelFileException(file, "expected input [channels, height, width], found " + input);
            }
            Sequential.Builder b = Sequential.builder(toInt(input.get(0)), toInt(input.get(1)), toInt(input.get(2)));
            for (Object layer : (List<?>) root.get("layers")) {
                LayerConfig config = new LayerConfig((Map<?, ?>) layer);
                LayerType type = layerType(config.type());
                b.add(shape -> type.fromConfig(shape, config));
            }
            return b;
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new ModelFileException(file, "invalid architecture: " + e.getMessage(), e);
        }
    }

    /** The registered layer type named {@code name} (the {@code "type"} of a layer's config). */
    static LayerType layerType(String name) {
        return Providers.byName(LayerType.class, "layer type", LayerType::name, name);
    }

    /** The header's class names (checked against the outputs by {@link SavedModel}); the defaults when it has none. */
    private static List<String> classNames(Path file, Map<?, ?> root, int outputs) throws ModelFileException {
        Object value = root.get("class_names");
        if (value == null) {
            return SavedModel.defaultClassNames(outputs);
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new ModelFileException(file, "class_names: expected a list of strings, found " + value);
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static int toInt(Object value) {
        if (!(value instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected an integer, found " + value);
        }
        return (int) (long) l;
    }

    private static void require(Path file, ByteBuffer buf, int bytes, String what) throws ModelFileException {
        if (buf.remaining() < bytes) {
            throw new ModelFileException(file, "truncated: expected " + what + " at offset " + buf.position()
                    + ", but only " + buf.remaining() + " bytes remain");
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
