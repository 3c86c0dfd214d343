/*
 * IdxReader: reads the IDX format of LeCun, Cortes and Burges ("THE MNIST DATABASE of handwritten
 * digits", http://yann.lecun.com/exdb/mnist/), raw or gzipped, used by MNIST and Fashion-MNIST.
 * It validates everything the header claims (magic, data type, rank, dimensions, payload length)
 * and that an image file and a label file agree on the count. It is not a general IDX reader: only
 * unsigned-byte images of rank 3 and unsigned-byte labels of rank 1 are accepted. It does not fetch
 * or verify checksums (see IdxDataset and Checksums). Sizes are bounded before they are allocated:
 * a file of at most MAX_BYTES, images of at most MAX_PIXELS_PER_IMAGE pixels, and a gzipped file
 * inflated only as far as its IDX header claims (a gzip bomb costs nothing more).
 */
package org.tune4j.engine.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX image and label files into {@link LabeledImages}.
 *
 * <p>Layout (big-endian): a 4-byte magic {@code 0x00 0x00 type rank}, then {@code rank} 4-byte
 * dimensions, then the payload. MNIST images have magic 2051 ({@code 0x00000803}: unsigned bytes,
 * rank 3: count, rows, columns); labels have magic 2049 ({@code 0x00000801}: rank 1: count). A file
 * starting with the gzip magic {@code 1f 8b} is decompressed first, whatever its name.
 *
 * <p>Pixels become {@code value / 255f}, in [0, 1]. Every failure is a {@link DataFileException}
 * naming the file and what was expected versus found.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned-byte images: type 0x08, rank 3. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels: type 0x08, rank 1. */
    public static final int LABELS_MAGIC = 0x00000801;

    /** The largest file, raw or inflated, this reader holds in memory: a Java array's limit, less a margin. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 64;
    /** The most pixels of one image (1024 x 1024; MNIST's are 28 x 28). */
    public static final long MAX_PIXELS_PER_IMAGE = 1L << 20;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final float[] UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v / 255f;
        }
    }

    private IdxReader() {
    }

    /**
     * Images as stored: unsigned bytes, (count, rows, columns) row-major, in the file's own bytes
     * (not copied out: the training file is 47 MB, and fresh memory is slow to touch on a VM).
     *
     * @param data   the file's bytes
     * @param offset where the count x rows x columns pixels start in {@code data}, each an
     *               unsigned value 0..255
     */
    public record Images(int count, int rows, int columns, byte[] data, int offset) {
    }

    /** Reads an image file and a label file and pairs them; {@code classNames} gives the label range. */
    public static LabeledImages read(Path imageFile, Path labelFile, List<String> classNames) throws IOException {
        Images images = readImages(imageFile);
        byte[] labels = readLabels(labelFile);
        return combine(imageFile.toString(), images, labelFile.toString(), labels, classNames);
    }

    /** Reads and validates an IDX image file (raw or gzipped). */
    public static Images readImages(Path file) throws IOException {
        return parseImages(file.toString(), readBytes(file));
    }

    /** Reads and validates an IDX label file (raw or gzipped); the labels as unsigned bytes. */
    public static byte[] readLabels(Path file) throws IOException {
        return parseLabels(file.toString(), readBytes(file));
    }

    /**
     * The bytes of {@code file}, gunzipped when it starts with the gzip magic {@code 1f 8b}.
     *
     * @throws DataFileException when the file is missing or its gzip stream is corrupt
     */
    public static byte[] readBytes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException("file not found: " + file);
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new DataFileException(String.format(Locale.ROOT, "%s: %,d bytes, more than this reader's limit of %,d",
                    file, size, MAX_BYTES));
        }
        byte[] bytes = Files.readAllBytes(file);  // one array of the file's size, no chunk copies
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return inflateBounded(file, gz);
        } catch (ZipException | EOFException e) {
            throw new DataFileException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Inflates no more than the IDX header inside claims (plus one byte, so that trailing data is
     * still reported): a small gzip file that inflates to gigabytes (a "gzip bomb") costs the
     * memory of its claimed size at most, and a claim above {@link #MAX_BYTES} is refused unread.
     */
    private static byte[] inflateBounded(Path file, InputStream gz) throws IOException {
        byte[] header = gz.readNBytes(16);
        long claimed = claimedLength(header);
        if (claimed > MAX_BYTES) {
            throw new DataFileException(String.format(Locale.ROOT, "%s: the IDX header claims %,d bytes, more than "
                    + "this reader's limit of %,d", file, claimed, MAX_BYTES));
        }
        long rest = Math.max(0, Math.min(claimed + 1, MAX_BYTES) - header.length);
        byte[] body = gz.readNBytes((int) rest);
        if (header.length + body.length > claimed && claimed > header.length) {
            throw new DataFileException(String.format(Locale.ROOT, "%s: inflates to more than the %,d bytes its IDX "
                    + "header claims (trailing data, or a gzip bomb); stopped reading there", file, claimed));
        }
        byte[] all = java.util.Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    /** The total length an IDX image or label header claims (header included); the header's own length otherwise. */
    private static long claimedLength(byte[] header) {
        if (header.length >= 8 && bigEndianInt(header, 0) == LABELS_MAGIC) {
            return 8L + Integer.toUnsignedLong(bigEndianInt(header, 4));
        }
        if (header.length >= 16 && bigEndianInt(header, 0) == IMAGES_MAGIC) {
            double claimed = 16.0 + (double) Integer.toUnsignedLong(bigEndianInt(header, 4))
                    * Integer.toUnsignedLong(bigEndianInt(header, 8)) * Integer.toUnsignedLong(bigEndianInt(header, 12));
            return claimed > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) claimed;  // three 32-bit factors overflow a long
        }
        return header.length;
    }

    /** Parses the bytes of an IDX image file; {@code name} is used in error messages. */
    public static Images parseImages(String name, byte[] data) throws DataFileException {
        int[] dims = parseHeader(name, data, IMAGES_MAGIC, 3);
        String[] names = {"image count", "rows", "columns"};
        for (int i = 1; i < 3; i++) {
            if (dims[i] <= 0) {
                throw new DataFileException(name + ": expected a positive number of " + names[i] + ", found " + dims[i]);
            }
        }
        if ((long) dims[1] * dims[2] > MAX_PIXELS_PER_IMAGE) {
            throw new DataFileException(String.format(Locale.ROOT, "%s: images of %d x %d pixels, more than this "
                    + "reader's limit of %,d pixels per image (1024 x 1024)", name, dims[1], dims[2], MAX_PIXELS_PER_IMAGE));
        }
        long expected = (long) dims[0] * dims[1] * dims[2];
        checkPayload(name, data.length - 16L, expected, "pixel bytes (" + dims[0] + " x " + dims[1] + " x " + dims[2] + ")");
        return new Images(dims[0], dims[1], dims[2], data, 16);
    }

    /** Parses the bytes of an IDX label file; {@code name} is used in error messages. */
    public static byte[] parseLabels(String name, byte[] data) throws DataFileException {
        int[] dims = parseHeader(name, data, LABELS_MAGIC, 1);
        checkPayload(name, data.length - 8L, dims[0], "label bytes");
        return java.util.Arrays.copyOfRange(data, 8, data.length);
    }

    /**
     * Pairs images with labels, checking that the counts agree and every label is a valid class,
     * and converts pixels to floats in [0, 1] (one channel).
     */
    public static LabeledImages combine(String imageName, Images images, String labelName, byte[] labels,
                                        List<String> classNames) throws DataFileException {
        return combine(imageName, images, labelName, labels, classNames, 0, images.count());
    }

    /**
     * As {@link #combine(String, Images, String, byte[], List)}, keeping only images [from, to):
     * a split converted straight from the file's bytes, without a float copy of the whole file.
     * Only the labels of the range are checked; ranges that cover the file check each label once.
     */
    public static LabeledImages combine(String imageName, Images images, String labelName, byte[] labels,
                                        List<String> classNames, int from, int to) throws DataFileException {
        if (images.count() != labels.length) {
            throw new DataFileException("image and label files disagree: " + imageName + " holds " + images.count()
                    + " images but " + labelName + " holds " + labels.length + " labels");
        }
        if (from < 0 || from > to || to > images.count()) {
            throw new IllegalArgumentException("images [" + from + ", " + to + ") outside 0.." + images.count());
        }
        int[] intLabels = new int[to - from];
        for (int i = from; i < to; i++) {
            int label = labels[i] & 0xff;
            if (label >= classNames.size()) {
                throw new DataFileException(labelName + ": label " + i + " is " + label + ", expected 0.."
                        + (classNames.size() - 1));
            }
            intLabels[i - from] = label;
        }
        int size = images.rows() * images.columns();
        float[] pixels = toUnitFloats(images.data(), images.offset() + from * size, (to - from) * size);
        return new LabeledImages(pixels, intLabels, to - from, 1, images.rows(), images.columns(), classNames);
    }

    /** {@code length} unsigned bytes from {@code bytes[offset]} to floats: {@code v / 255f}. */
    static float[] toUnitFloats(byte[] bytes, int offset, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = UNIT[bytes[offset + i] & 0xff];
        }
        return out;
    }

    /** Checks magic, type and rank; returns the dimensions. Dimensions must be non-negative. */
    private static int[] parseHeader(String name, byte[] data, int expectedMagic, int rank) throws DataFileException {
        String kind = rank == 3 ? "image" : "label";
        if (data.length < 4) {
            throw new DataFileException(name + ": truncated: expected a 4-byte IDX magic number, found "
                    + data.length + " bytes");
        }
        int magic = bigEndianInt(data, 0);
        if (magic != expectedMagic) {
            throw new DataFileException(name + ": expected magic " + expectedMagic + " (IDX " + kind
                    + " file: unsigned bytes, rank " + rank + "), found " + magic + describeMagic(data, rank));
        }
        int headerBytes = 4 + 4 * rank;
        if (data.length < headerBytes) {
            throw new DataFileException(name + ": truncated header: expected " + headerBytes + " bytes, found "
                    + data.length);
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = bigEndianInt(data, 4 + 4 * i);
            if (dims[i] < 0) {
                throw new DataFileException(name + ": dimension " + i + " is " + Integer.toUnsignedString(dims[i])
                        + ", larger than this reader supports (" + Integer.MAX_VALUE + ")");
            }
        }
        return dims;
    }

    /** Explains a wrong magic number: not IDX at all, wrong data type, or wrong rank. */
    private static String describeMagic(byte[] data, int expectedRank) {
        if (data[0] != 0 || data[1] != 0) {
            return " (not an IDX file: the first two bytes must be zero)";
        }
        int type = data[2] & 0xff;
        if (type != UNSIGNED_BYTE) {
            return String.format(" (data type 0x%02X, expected 0x08 = unsigned byte)", type);
        }
        int rank = data[3] & 0xff;
        String hint = rank == 1 ? "; a label file?" : rank == 3 ? "; an image file?" : "";
        return " (rank " + rank + ", expected rank " + expectedRank + hint + ")";
    }

    private static void checkPayload(String name, long found, long expected, String what) throws DataFileException {
        if (found < expected) {
            throw new DataFileException(name + ": truncated: expected " + expected + " " + what + ", found " + found);
        }
        if (found > expected) {
            throw new DataFileException(name + ": expected " + expected + " " + what + ", found " + found
                    + " (" + (found - expected) + " trailing bytes)");
        }
    }

    private static int bigEndianInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }
}
