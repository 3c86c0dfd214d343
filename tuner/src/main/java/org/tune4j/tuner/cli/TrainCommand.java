package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.layer.ConvAlgorithm;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.GradientOptimizerFactory;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.engine.train.History;
import org.tune4j.engine.train.TrainConfig;
import org.tune4j.engine.train.Trainer;
import org.tune4j.engine.train.TrainingMemory;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.study.HyperParameters;
import org.tune4j.tuner.study.TrialPlan;
import org.tune4j.tuner.study.TutorialHyperParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j train}: trains the tutorial's network once and reports validation and test accuracy.
 * Every hyper-parameter a study can search has an option here, generated from the table
 * ({@link HyperParameterOptions}); the network is built as a trial of the study builds it.
 */
@Command(name = "train", mixinStandardHelpOptions = true, modelTransformer = HyperParameterOptions.class,
        description = "Train the tutorial's network once and report validation and test accuracy.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: 3).")
    int epochs = TrainConfig.DEFAULT_EPOCHS;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of initialisation and shuffling (default: 1).")
    long seed = 1;

    @Option(names = "--optimizer", paramLabel = "NAME", converter = GradientOptimizerChoices.Converter.class,
            completionCandidates = GradientOptimizerChoices.Names.class, defaultValue = GradientOptimizerChoices.DEFAULT,
            description = "Gradient optimizer: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    GradientOptimizerFactory optimizer;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model to FILE.")
    Path save;

    @Option(names = "--json", description = "End with one line of JSON holding the figures.")
    boolean json;

    @Option(names = "--conv", converter = Choices.ConvConverter.class, completionCandidates = Choices.ConvNames.class,
            paramLabel = "ALGORITHM", description = "Convolution algorithm: ${COMPLETION-CANDIDATES} (default: auto, "
            + "the fastest for each layer's shape; a layer the named one cannot compute keeps auto's). winograd is "
            + "F(2x2,5x5), for 5x5 kernels. Changes float rounding only; saved models do not depend on it.")
    ConvAlgorithm conv;

    @Mixin
    DataOptions data;

    @Mixin
    LimitOption limit;

    @Mixin
    RuntimeOptions runtime;

    private void check() {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs: expected at least 1, found " + epochs);
        }
    }

    /** The --json line: the figures issue 2 asks for, then the settings that produced them. */
    private Map<String, Object> figures(History history, Evaluation test, int parameters, double trainSeconds,
                                        int trainImages, int threads, HyperParameters hp) {
        double epochSeconds = history.epochs().stream().mapToDouble(e -> e.seconds()).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("val_accuracy", history.last().valAccuracy());
        figures.put("val_loss", history.last().valLoss());
        figures.put("test_accuracy", test.accuracy());
        figures.put("test_loss", test.loss());
        figures.put("epochs", epochs);
        figures.put("optimizer", optimizer.name());
        figures.put("parameters", parameters);
        figures.put("train_seconds", trainSeconds);
        // training throughput as the PyTorch reference measures it: the first epoch without its
        // warm-up batches (JIT compilation), later epochs whole
        double steadySeconds = history.epochs().stream()
                .mapToDouble(e -> trainImages / e.steadyImagesPerSecond()).sum();
        figures.put("images_per_second", (double) trainImages * epochs / steadySeconds);
        figures.put("images_per_second_with_warmup", (double) trainImages * epochs / epochSeconds);
        figures.put("inference_images_per_second", test.imagesPerSecond());
        figures.put("learning_rate", hp.valueOf(TutorialHyperParameters.LEARNING_RATE));
        figures.put("dense_layers", hp.valueOf(TutorialHyperParameters.DENSE_LAYERS));
        figures.put("dense_nodes", hp.valueOf(TutorialHyperParameters.DENSE_NODES));
        figures.put("activation", hp.valueOf(TutorialHyperParameters.ACTIVATION));
        figures.put("batch_size", hp.valueOf(TutorialHyperParameters.BATCH_SIZE));
        for (String name : List.of(TutorialHyperParameters.KERNEL_SIZE, TutorialHyperParameters.CONV1_FILTERS,
                TutorialHyperParameters.CONV2_FILTERS, TutorialHyperParameters.CONV_LAYERS)) {
            figures.put(name, hp.valueOf(name));
        }
        figures.put("seed", seed);
        figures.put("threads", threads);
        figures.put("kernels", runtime.kernels().name().toLowerCase(Locale.ROOT));
        figures.put("conv", Choices.CONVS.entrySet().stream().filter(e -> e.getValue() == conv).findFirst()
                .orElseThrow().getKey());
        return figures;
    }

    @Override
    public Integer call() throws Exception {
        check();
        HyperParameters hp = HyperParameterOptions.given(spec);
        PrintStream out = System.out;
        int threads = runtime.threads();
        DataSplits splits = DataOptions.load(data.dataset(), data.cacheDir(), limit.limit(), System.err);
        LabeledImages train = splits.train();
        TrialPlan plan = hp.plan(train.channels(), train.height(), train.width(), train.classes());
        Sequential.Builder network;
        try {
            network = plan.network().builder(conv);
            TrainingMemory.require(network.inputShape(), network.layers(), Math.min(plan.batchSize(), train.count()), threads);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the network these options describe cannot be trained here: "
                    + e.getMessage(), e);
        }
        Sequential model = network.build(seed);
        out.println(model.summary());
        out.printf(Locale.ROOT, "Training on %,d images, validating on %,d (epochs %d, batch %d, %s lr %s, %d threads, %s kernels)%n",
                train.count(), splits.validation().count(), epochs, plan.batchSize(), optimizer.name(),
                plan.learningRate(), threads,
                runtime.kernels().name().toLowerCase(Locale.ROOT));
        ProgressBarListener progress = new ProgressBarListener(out, System.err, train.count(), epochs);
        long started = System.nanoTime();
        History history;
        try {
            history = new Trainer(new TrainConfig(epochs, plan.batchSize(), seed, threads, runtime.kernels()))
                    .fit(model, optimizer.create(plan.learningRate()), train, splits.validation(), progress);
        } finally {
            progress.closeBar();
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        Evaluation test = new Evaluator(threads, runtime.kernels()).evaluate(model, splits.test());
        out.printf(Locale.ROOT, "Validation accuracy: %.2f%%%n", 100 * history.last().valAccuracy());
        out.printf(Locale.ROOT, "Test accuracy: %.2f%% (loss %.4f, %,d images)%n", 100 * test.accuracy(), test.loss(),
                splits.test().count());
        if (save != null) {
            ModelFile.save(model, train.classNames(), save);
            out.println("Model saved to " + save);
        }
        if (json) {
            out.println(Json.line(figures(history, test, model.parameterCount(), trainSeconds, train.count(), threads, hp)));
        }
        out.flush();
        return 0;
    }
}
