package org.tune4j.tuner.userext;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.tune4j.optimizer.surrogate.Prediction;
import org.tune4j.optimizer.surrogate.Surrogate;
import org.tune4j.optimizer.surrogate.SurrogateFactory;

/**
 * A library user's own surrogate, registered only on the test class path: it predicts the mean
 * of the observations everywhere, with standard deviation 1.
 */
public final class FlatSurrogate implements Surrogate {
    private double mean = Double.NaN;

    @Override
    public void fit(double[][] x, double[] y) {
        Surrogate.checkData(x, y);
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        mean = sum / y.length;
    }

    @Override
    public Prediction predict(double[] x) {
        return new Prediction(mean, 1.0);
    }

    /** The registration. */
    public record Factory() implements SurrogateFactory {
        @Override
        public String name() {
            return "flat";
        }

        @Override
        public String description() {
            return "a test model: the mean of the observations everywhere";
        }

        @Override
        public Surrogate create(Map<String, Double> parameters, RandomGenerator rng) {
            return new FlatSurrogate();
        }
    }
}
