package org.tune4j.tuner.study;

import java.util.Objects;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.NetworkSpec;
import org.tune4j.engine.train.TrainConfig;

/**
 * What the hyper-parameters decide for one training run: the network to build and how to train
 * it. Each {@link HyperParameter} applies its value to a plan; {@link HyperParameters#plan} starts
 * from the tutorial's network on the data's images and applies every one in table order.
 *
 * @param network      the network (validated: an impossible one fails where it is made)
 * @param learningRate Adam's learning rate, > 0
 * @param batchSize    images per gradient step, >= 1
 */
public record TrialPlan(NetworkSpec network, double learningRate, int batchSize) {

    /** Adam's learning rate in Keras, which {@code tune4j train} uses when {@code --lr} is not given. */
    public static final double KERAS_ADAM_LEARNING_RATE = 1e-3;

    public TrialPlan {
        Objects.requireNonNull(network, "network");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate: expected a finite number > 0, found " + learningRate);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size: expected at least 1, found " + batchSize);
        }
    }

    /**
     * The plan before any hyper-parameter applies: the tutorial's conv layers on images of
     * (channels, height, width) with {@code classes} classes, no hidden dense layer, ReLU, Keras'
     * Adam learning rate and batch of 128. Every entry of a hyper-parameter table then sets its own.
     */
    public static TrialPlan before(int channels, int height, int width, int classes) {
        return new TrialPlan(new NetworkSpec(channels, height, width, classes, NetworkSpec.TUTORIAL_CONV_LAYERS, 0, 1,
                Activation.RELU), KERAS_ADAM_LEARNING_RATE, TrainConfig.DEFAULT_BATCH_SIZE);
    }

    public TrialPlan withNetwork(NetworkSpec newNetwork) {
        return new TrialPlan(newNetwork, learningRate, batchSize);
    }

    public TrialPlan withLearningRate(double newLearningRate) {
        return new TrialPlan(network, newLearningRate, batchSize);
    }

    public TrialPlan withBatchSize(int newBatchSize) {
        return new TrialPlan(network, learningRate, newBatchSize);
    }
}
