package org.tune4j.engine.reference;

import java.util.List;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.layer.ActivationLayer;
import org.tune4j.engine.layer.Conv2D;
import org.tune4j.engine.layer.Dense;
import org.tune4j.engine.layer.Flatten;
import org.tune4j.engine.layer.Layer;
import org.tune4j.engine.layer.MaxPool2D;
import org.tune4j.engine.layer.Padding;
import org.tune4j.engine.model.Sequential;

/**
 * An independent, deliberately naive double-precision forward pass used as the reference in tests:
 * direct convolution loops (no im2col, no MatMul), explicit window scans, textbook softmax. It
 * reads only each layer's hyper-parameters and the documented parameter layout, and recomputes
 * padding from TensorFlow's rule itself.
 */
public final class ReferenceNet {

    private ReferenceNet() {
    }

    /** One layer's output (n, outputShape) for input (n, inputShape), in double. */
    public static double[] forward(Layer layer, double[] params, int pOff, double[] input, int n) {
        if (layer instanceof Conv2D c) {
            return conv(c, params, pOff, input, n);
        } else if (layer instanceof MaxPool2D p) {
            return pool(p, input, n);
        } else if (layer instanceof Dense d) {
            return dense(d, params, pOff, input, n);
        } else if (layer instanceof ActivationLayer a) {
            return activation(a.activation(), input);
        } else if (layer instanceof Flatten) {
            return input.clone();
        }
        throw new IllegalArgumentException("no reference for " + layer.kind());
    }

    /** Logits (n, classes) of the whole model. */
    public static double[] logits(Sequential model, double[] params, double[] input, int n) {
        double[] x = input;
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            x = forward(layers.get(i), params, model.parameterOffset(i), x, n);
        }
        return x;
    }

    /** Mean softmax cross-entropy of the model, in double. */
    public static double loss(Sequential model, double[] params, double[] input, int[] labels) {
        int n = labels.length;
        double[] z = logits(model, params, input, n);
        return softmaxCrossEntropy(z, labels, z.length / n);
    }

    /** Mean over the rows of -log softmax(z)[label], computed the textbook way. */
    public static double softmaxCrossEntropy(double[] z, int[] labels, int classes) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[i * classes + c]);
            }
            total += -Math.log(Math.exp(z[i * classes + labels[i]]) / sum);
        }
        return total / labels.length;
    }

    private static double[] conv(Conv2D c, double[] w, int pOff, double[] x, int n) {
        int cin = c.inputShape().channels(), h = c.inputShape().height(), wd = c.inputShape().width();
        int k = c.kernelSize(), s = c.stride(), f = c.filters();
        int oh, ow, padTop, padLeft;
        if (c.padding() == Padding.SAME) {
            oh = (int) Math.ceil(h / (double) s);
            ow = (int) Math.ceil(wd / (double) s);
            padTop = Math.max((oh - 1) * s + k - h, 0) / 2;
            padLeft = Math.max((ow - 1) * s + k - wd, 0) / 2;
        } else {
            oh = (int) Math.floor((h - k) / (double) s) + 1;
            ow = (int) Math.floor((wd - k) / (double) s) + 1;
            padTop = 0;
            padLeft = 0;
        }
        int biasOff = pOff + f * cin * k * k;
        double[] out = new double[n * f * oh * ow];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < f; o++) {
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        double sum = w[biasOff + o];
                        for (int ci = 0; ci < cin; ci++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = y * s + ky - padTop, ix = xo * s + kx - padLeft;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                        continue;
                                    }
                                    double weight = w[pOff + ((o * cin + ci) * k + ky) * k + kx];
                                    sum += weight * x[((i * cin + ci) * h + iy) * wd + ix];
                                }
                            }
                        }
                        out[((i * f + o) * oh + y) * ow + xo] = sum;
                    }
                }
            }
        }
        return out;
    }

    private static double[] pool(MaxPool2D p, double[] x, int n) {
        int c = p.inputShape().channels(), h = p.inputShape().height(), w = p.inputShape().width();
        int size = p.pool(), s = p.stride();
        int oh = (h - size) / s + 1, ow = (w - size) / s + 1;
        double[] out = new double[n * c * oh * ow];
        for (int i = 0; i < n * c; i++) {
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int py = 0; py < size; py++) {
                        for (int px = 0; px < size; px++) {
                            max = Math.max(max, x[(i * h + y * s + py) * w + xo * s + px]);
                        }
                    }
                    out[(i * oh + y) * ow + xo] = max;
                }
            }
        }
        return out;
    }

    private static double[] dense(Dense d, double[] w, int pOff, double[] x, int n) {
        int in = d.inputShape().size(), out = d.units();
        double[] y = new double[n * out];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                double sum = w[pOff + in * out + j];
                for (int p = 0; p < in; p++) {
                    sum += x[i * in + p] * w[pOff + p * out + j];
                }
                y[i * out + j] = sum;
            }
        }
        return y;
    }

    private static double[] activation(Activation a, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = switch (a.name()) {
                case "relu" -> Math.max(0, x[i]);
                case "sigmoid" -> 1 / (1 + Math.exp(-x[i]));
                case "tanh" -> Math.tanh(x[i]);
                default -> throw new IllegalArgumentException("no reference for activation " + a.name());
            };
        }
        return y;
    }
}
