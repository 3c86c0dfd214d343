package org.tune4j.tuner.report;

/** How to read each plot: the captions under the figures of report.html. */
final class Captions {


    static final String EVALUATIONS = "Where the optimizer sampled, as skopt's plot_evaluations. Diagonal: histogram"
            + " of the values tried for each hyper-parameter. Below it: every pair of hyper-parameters, one dot per"
            + " call, coloured by call order from dark purple (first) to yellow (last); the red star is the best call."
            + " Late (yellow) dots crowding one region show where the surrogate steered the search."
            + " A log-uniform hyper-parameter (the learning rate) is on a log axis. Dots on a category or a small"
            + " whole number are spread a little sideways so that repeated values stay visible.";

    static final String LANDSCAPE = "The final surrogate's landscape over learning rate and number of dense layers, as"
            + " the tutorial's 2-D objective plot: the predicted value averaged over the other hyper-parameters"
            + " (partial dependence). Yellow is where the model predicts the lowest value, i.e. the highest accuracy;"
            + " black dots are the sampled points and the red star the best one. Far from the dots the model is guessing.";

    static final String TEST_SAMPLES = "The first nine test images with their true class and the class the best model"
            + " predicts (captions in red when wrong).";

    static final String MISCLASSIFIED = "The first nine test images the best model gets wrong, with true and predicted"
            + " class. Several are hard even for a person.";

    static final String CONFUSION = "How many test images of each true class (rows) the best model assigns to each"
            + " class (columns). The diagonal counts correct predictions; non-zero cells off the diagonal are the"
            + " model's confusions.";

    static final String INTERMEDIATE_VALUES = "Each trial's intermediate reports, the values the pruner judged, as"
            + " Optuna's plot_intermediate_values: complete trials in blue, pruned ones in orange ending in a diamond"
            + " where the pruner stopped them, failed ones in red. A pruned line that would have crossed the blue"
            + " ones is a trial stopped too early.";

    private Captions() {
    }

    static String convergence(StudyResults results) {
        return "The best value found after n calls, as skopt's plot_convergence. The value is what the optimizer"
                + " minimizes" + (results.valueIsMinusAccuracy()
                ? ", minus the validation accuracy, so lower is better (-0.99 is 99%)." : ", so lower is better.")
                + " Grey dots are each call's own value, red crosses failed calls at the penalty the study told the"
                + " optimizer." + (results.trials().stream().anyMatch(org.tune4j.tuner.storage.TrialRecord::isPruned)
                ? " Orange diamonds are pruned calls at their last intermediate report, the value the optimizer was"
                        + " told; they never count as the best." : "")
                + " A curve that flattens early means later calls found nothing better.";
    }

    static String partialDependence(int calls) {
        return "What the final surrogate believes, as skopt's plot_objective: the model is refitted from the " + calls
                + " calls in results.json. Diagonal: the predicted value against one hyper-parameter, averaged over the"
                + " sampled values of the others (partial dependence; lower is better); the red dashed line marks the"
                + " best call. Below it: the same for every pair, as a heat map with one colour scale, yellow ="
                + " lowest predicted value (the best), dark purple = highest; black dots are the sampled"
                + " points, the red star the best. Categorical hyper-parameters are included, one cell per category.";
    }

    static String histogram(DimensionAxis dim) {
        return "How often each value of " + dim.name() + " was sampled, complete calls in blue and failed calls in"
                + " red, as the tutorial's histogram of the activation function. After the initial random points the"
                + " optimizer samples the category it expects to be best more often.";
    }
}
