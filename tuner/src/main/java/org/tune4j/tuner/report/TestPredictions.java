package org.tune4j.tuner.report;

import org.tune4j.engine.data.LabeledImages;

/**
 * The best model's predictions on the test set: what the image plots and the confusion matrix
 * draw. {@link BestModelPredictions} produces it from {@code best-model.t4j} and the dataset.
 *
 * @param images    the test images with their true labels
 * @param predicted (images.count()): the predicted class of each image
 */
record TestPredictions(LabeledImages images, int[] predicted) {

    TestPredictions {
        if (predicted.length != images.count()) {
            throw new IllegalArgumentException("test predictions: expected one prediction per image ("
                    + images.count() + "), found " + predicted.length);
        }
    }

    /** (classes, classes): counts of true class (row) predicted as class (column). */
    int[][] confusion() {
        int k = images.classes();
        int[][] counts = new int[k][k];
        for (int i = 0; i < predicted.length; i++) {
            counts[images.labels()[i]][predicted[i]]++;
        }
        return counts;
    }

    /** Fraction of images predicted correctly. */
    double accuracy() {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += images.labels()[i] == predicted[i] ? 1 : 0;
        }
        return predicted.length == 0 ? 0 : (double) correct / predicted.length;
    }

    /** The indices of the first {@code n} images (fewer if there are fewer). */
    int[] first(int n) {
        return java.util.stream.IntStream.range(0, Math.min(n, predicted.length)).toArray();
    }

    /** The indices of the first {@code n} misclassified images (fewer if there are fewer). */
    int[] firstMisclassified(int n) {
        return java.util.stream.IntStream.range(0, predicted.length)
                .filter(i -> images.labels()[i] != predicted[i]).limit(n).toArray();
    }
}
