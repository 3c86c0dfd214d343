package org.tune4j.engine.tensor;

import java.util.Arrays;

/**
 * The shape of one example as it flows between layers, without the batch dimension: (C, H, W) for
 * feature maps in NCHW layout, (D) for flat vectors. A batch of n examples of shape s is a
 * row-major {@code float[]} of n * s.size() values.
 *
 * <p>Not a tensor: shapes carry no data, and there is deliberately no op zoo here.
 */
public record Shape(int[] dims) {

    public Shape {
        dims = dims.clone();
        if (dims.length == 0) {
            throw new IllegalArgumentException("shape: expected at least one dimension");
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape: expected positive dimensions, found " + Arrays.toString(dims));
            }
        }
    }

    /** A feature-map shape (channels, height, width). */
    public static Shape of(int channels, int height, int width) {
        return new Shape(new int[] {channels, height, width});
    }

    /** A flat vector of {@code length} values. */
    public static Shape flat(int length) {
        return new Shape(new int[] {length});
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Number of dimensions (3 for a feature map, 1 for a vector). */
    public int rank() {
        return dims.length;
    }

    /** Dimension {@code i}. */
    public int dim(int i) {
        return dims[i];
    }

    /** Values per example: the product of the dimensions. */
    public int size() {
        int size = 1;
        for (int d : dims) {
            size = Math.multiplyExact(size, d);
        }
        return size;
    }

    /** True for a (C, H, W) feature map. */
    public boolean isImage() {
        return dims.length == 3;
    }

    /** Channels of a feature map; fails for a vector. */
    public int channels() {
        requireImage();
        return dims[0];
    }

    /** Height of a feature map; fails for a vector. */
    public int height() {
        requireImage();
        return dims[1];
    }

    /** Width of a feature map; fails for a vector. */
    public int width() {
        requireImage();
        return dims[2];
    }

    private void requireImage() {
        if (!isImage()) {
            throw new IllegalStateException("expected a (channels, height, width) shape, found " + this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** "(16, 14, 14)" or "(1764)": the batch dimension is left out. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(')').toString();
    }
}
