package org.tune4j.engine.data;

/**
 * The three sets a study uses: the optimizer sees only validation accuracy; test accuracy is
 * reported for the final model only.
 */
public record DataSplits(LabeledImages train, LabeledImages validation, LabeledImages test) {

    /** How many of {@code count} images train when the last {@code validationCount} validate. */
    public static int trainCount(int count, int validationCount) {
        if (count < 2) {
            throw new IllegalArgumentException("the training set holds " + count + " image" + (count == 1 ? "" : "s")
                    + ": at least 2 are needed, one to train and one to validate");
        }
        if (validationCount <= 0 || validationCount >= count) {
            throw new IllegalArgumentException("validation count " + validationCount
                    + " must be between 1 and " + (count - 1) + " (training images available)");
        }
        return count - validationCount;
    }

    /** Keeps only the first {@code n} training images (for quick runs); validation and test unchanged. */
    public DataSplits limitTrain(int n) {
        return new DataSplits(train.first(n), validation, test);
    }
}
