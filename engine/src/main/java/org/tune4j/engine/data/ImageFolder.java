/*
 * ImageFolder: a dataset made of image files, one sub-folder per class (the layout of
 * torchvision's ImageFolder and Keras' image_dataset_from_directory): PNG or JPEG read with
 * javax.imageio, resized to a stated size with java.awt, converted to grayscale (luma, ITU-R
 * BT.601) or kept RGB, shuffled with a seed, then split into train, validation and test by
 * fractions. It does not crop, keep aspect ratios, augment, or look at files other than
 * .png/.jpg/.jpeg; it reads everything into memory at once, so it suits small and medium sets.
 */
package org.tune4j.engine.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Loads a folder of labelled images:
 * <pre>
 * dir/
 *   cat/  a.png b.jpg ...
 *   dog/  c.png ...
 * </pre>
 * Class names are the sub-folder names in sorted order (label 0 is the first). Hidden entries
 * (starting with '.') and files with other extensions are ignored. Each image is stretched to
 * {@code width x height}: area averaging when it shrinks both ways, bilinear otherwise. Transparent
 * pixels are composited over black. Grayscale is luma {@code 0.299 R + 0.587 G + 0.114 B}; pixels
 * are scaled to [0, 1] and stored (channels, height, width).
 *
 * <p>Split: the images (in class, then file-name order) are shuffled with {@code seed}; the first
 * {@code round(n * testFraction)} go to test, the next {@code round(n * validationFraction)} (at
 * least one) to validation, the rest to train.
 */
public final class ImageFolder {

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");
    /** The most pixels an image may declare (8,192 x 8,192: 256 MB once decoded), checked before decoding. */
    public static final long MAX_PIXELS = 8192L * 8192L;

    private ImageFolder() {
    }

    /** One image file and its class. */
    private record Entry(Path file, int label) {
    }

    /**
     * Reads, converts and splits the images under {@code dir}.
     *
     * @throws DataFileException when the folder is missing or empty, has fewer than two class
     *                           folders, a class folder holds no images, an image cannot be read
     *                           (the message names the file), or there are too few images to split
     */
    public static DataSplits load(Path dir, ImageFolderOptions options) throws IOException {
        List<String> classes = classFolders(dir);
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = dir.resolve(classes.get(c));
            List<Path> files = imageFiles(classDir);
            if (files.isEmpty()) {
                throw new DataFileException("class folder " + classDir + " holds no images: expected at least one "
                        + String.join("/", EXTENSIONS) + " file");
            }
            for (Path f : files) {
                entries.add(new Entry(f, c));
            }
        }
        shuffle(entries, options.seed());
        int n = entries.size();
        int test = options.testFraction() > 0 ? (int) Math.round(n * options.testFraction()) : 0;
        int validation = Math.max(1, (int) Math.round(n * options.validationFraction()));
        if (n - test - validation < 1) {
            throw new DataFileException("image folder " + dir + ": " + n + " images are too few to hold out "
                    + validation + " for validation and " + test + " for test and still train on at least one");
        }
        LabeledImages testSet = read(entries.subList(0, test), classes, options);
        LabeledImages validationSet = read(entries.subList(test, test + validation), classes, options);
        LabeledImages trainSet = read(entries.subList(test + validation, n), classes, options);
        return new DataSplits(trainSet, validationSet, testSet);
    }

    /** Sorted names of the non-hidden sub-folders; errors for a missing folder or fewer than two classes. */
    private static List<String> classFolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException("image folder not found: " + dir);
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (children.isEmpty()) {
            throw new DataFileException("image folder " + dir + " is empty: expected one sub-folder per class"
                    + " holding PNG or JPEG images");
        }
        List<String> classes = children.stream().filter(Files::isDirectory)
                .map(p -> p.getFileName().toString()).toList();
        if (classes.isEmpty()) {
            throw new DataFileException("image folder " + dir + " has no class folders: expected one sub-folder per"
                    + " class holding PNG or JPEG images, found only files such as " + children.get(0).getFileName());
        }
        if (classes.size() < 2) {
            throw new DataFileException("image folder " + dir + ": expected at least 2 class folders, found 1 ("
                    + classes.get(0) + ")");
        }
        return classes;
    }

    private static List<Path> imageFiles(Path classDir) throws IOException {
        try (Stream<Path> s = Files.list(classDir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
            }).sorted().toList();
        }
    }

    /** Fisher-Yates with a seeded generator. */
    private static void shuffle(List<Entry> entries, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = entries.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Entry t = entries.get(i);
            entries.set(i, entries.get(j));
            entries.set(j, t);
        }
    }

    private static LabeledImages read(List<Entry> entries, List<String> classes, ImageFolderOptions o)
            throws IOException {
        int size = o.channels() * o.height() * o.width();
        float[] pixels = new float[entries.size() * size];
        int[] labels = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            BufferedImage rgb = resize(readRgb(e.file()), o.width(), o.height());
            toFloats(rgb, o.grayscale(), pixels, i * size);
            labels[i] = e.label();
        }
        return new LabeledImages(pixels, labels, entries.size(), o.channels(), o.height(), o.width(), classes);
    }

    /** Reads an image file as 8-bit sRGB without alpha; gray images keep their stored gray values. */
    static BufferedImage readRgb(Path file) throws DataFileException {
        BufferedImage img = ImageDecoding.decode(file);
        if (img.getColorModel().getNumColorComponents() == 1) {
            return grayToRgb(img);
        }
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(img, 0, 0, null); // alpha composited over the black canvas
        g.dispose();
        return rgb;
    }

    /**
     * Gray images are copied sample by sample: drawing them (or getRGB) would pass them through
     * Java's linear-gray colour space and brighten mid-tones.
     */
    private static BufferedImage grayToRgb(BufferedImage img) {
        Raster raster = img.getRaster();
        int bits = img.getColorModel().getComponentSize(0);
        boolean alpha = img.getColorModel().hasAlpha();
        int max = (1 << bits) - 1;
        int alphaMax = alpha ? (1 << img.getColorModel().getComponentSize(1)) - 1 : 1;
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                double v = raster.getSample(x, y, 0) / (double) max;
                if (alpha) {
                    v *= raster.getSample(x, y, 1) / (double) alphaMax;
                }
                int g = (int) Math.round(v * 255);
                rgb.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        return rgb;
    }

    /** Stretches to width x height: area averaging when shrinking both ways, bilinear (java.awt) otherwise. */
    static BufferedImage resize(BufferedImage src, int width, int height) {
        if (src.getWidth() == width && src.getHeight() == height) {
            return src;
        }
        if (width <= src.getWidth() && height <= src.getHeight()) {
            return areaAverage(src, width, height);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /**
     * Box-filter downscaling: each output pixel is the mean of the source area it covers, partial
     * source pixels weighted by their overlap (what java.awt's AreaAveragingScaleFilter computes,
     * done here synchronously and separably: rows first, then columns).
     */
    static BufferedImage areaAverage(BufferedImage src, int width, int height) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        int[] in = src.getRGB(0, 0, sw, sh, null, 0, sw);
        int[] out = new int[width * height];
        double[] rows = new double[sh * width]; // (sh, width) after the horizontal pass
        double[] cols = new double[height * width]; // (height, width) after the vertical pass
        double[] plane = new double[sw * sh];
        for (int shift = 16; shift >= 0; shift -= 8) {
            for (int i = 0; i < in.length; i++) {
                plane[i] = (in[i] >> shift) & 0xff;
            }
            for (int y = 0; y < sh; y++) {
                average1d(plane, y * sw, 1, sw, rows, y * width, 1, width);
            }
            for (int x = 0; x < width; x++) {
                average1d(rows, x, width, sh, cols, x, width, height);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] |= (int) Math.min(255, Math.round(cols[i])) << shift;
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, out, 0, width);
        return img;
    }

    /** Resamples n strided values to m <= n: out[o] = mean of in over [o n/m, (o+1) n/m), by overlap. */
    private static void average1d(double[] in, int inOff, int inStride, int n,
                                  double[] out, int outOff, int outStride, int m) {
        double scale = (double) n / m;
        for (int o = 0; o < m; o++) {
            double lo = o * scale;
            double hi = (o + 1) * scale;
            double sum = 0;
            for (int s = (int) Math.floor(lo); s < Math.min(n, (int) Math.ceil(hi)); s++) {
                double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                sum += overlap * in[inOff + s * inStride];
            }
            out[outOff + o * outStride] = sum / scale;
        }
    }

    /** Writes (channels, height, width) floats in [0, 1] at {@code off}: one luma plane, or R, G, B planes. */
    static void toFloats(BufferedImage rgb, boolean grayscale, float[] out, int off) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int gr = (p >> 8) & 0xff;
                int b = p & 0xff;
                int i = off + y * w + x;
                if (grayscale) {
                    out[i] = (float) ((0.299 * r + 0.587 * gr + 0.114 * b) / 255.0);
                } else {
                    out[i] = r / 255f;
                    out[i + plane] = gr / 255f;
                    out[i + 2 * plane] = b / 255f;
                }
            }
        }
    }
}
