package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.layer.Activation;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.optim.Adam;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.engine.train.History;
import org.tune4j.engine.train.TrainConfig;
import org.tune4j.engine.train.Trainer;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.study.HyperParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tune4j train}: trains the tutorial's network once and reports validation and test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the tutorial's network once and report validation and test accuracy.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default: 1e-3).")
    double learningRate = 1e-3;

    @Option(names = "--dense-layers", paramLabel = "N", description = "Dense layers before the output (default: 1).")
    int denseLayers = 1;

    @Option(names = "--dense-nodes", paramLabel = "N", description = "Nodes per dense layer (default: 16).")
    int denseNodes = 16;

    @Option(names = "--activation", converter = Choices.ActivationConverter.class,
            completionCandidates = Choices.ActivationNames.class, paramLabel = "NAME",
            description = "Activation of the hidden layers: ${COMPLETION-CANDIDATES} (default: relu).")
    Activation activation = Activation.RELU;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: 3).")
    int epochs = TrainConfig.DEFAULT_EPOCHS;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per gradient step (default: 128).")
    int batchSize = TrainConfig.DEFAULT_BATCH_SIZE;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of initialisation and shuffling (default: 1).")
    long seed = 1;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model to FILE.")
    Path save;

    @Option(names = "--json", description = "End with one line of JSON holding the figures.")
    boolean json;

    @Mixin
    DataOptions data;

    @Mixin
    LimitOption limit;

    @Mixin
    RuntimeOptions runtime;

    private void check() {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new ParameterException(spec.commandLine(), "--lr: expected a learning rate > 0, found " + learningRate);
        }
        if (denseLayers < 0) {
            throw new ParameterException(spec.commandLine(), "--dense-layers: expected at least 0, found " + denseLayers);
        }
        if (denseNodes < 1) {
            throw new ParameterException(spec.commandLine(), "--dense-nodes: expected at least 1, found " + denseNodes);
        }
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs: expected at least 1, found " + epochs);
        }
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size: expected at least 1, found " + batchSize);
        }
    }

    /** The --json line: the figures issue 2 asks for, then the settings that produced them. */
    private Map<String, Object> figures(History history, Evaluation test, int parameters, double trainSeconds,
                                        int trainImages, int threads) {
        double epochSeconds = history.epochs().stream().mapToDouble(e -> e.seconds()).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("val_accuracy", history.last().valAccuracy());
        figures.put("val_loss", history.last().valLoss());
        figures.put("test_accuracy", test.accuracy());
        figures.put("test_loss", test.loss());
        figures.put("epochs", epochs);
        figures.put("parameters", parameters);
        figures.put("train_seconds", trainSeconds);
        // training throughput as the PyTorch reference measures it: the first epoch without its
        // warm-up batches (JIT compilation), later epochs whole
        double steadySeconds = history.epochs().stream()
                .mapToDouble(e -> trainImages / e.steadyImagesPerSecond()).sum();
        figures.put("images_per_second", (double) trainImages * epochs / steadySeconds);
        figures.put("images_per_second_with_warmup", (double) trainImages * epochs / epochSeconds);
        figures.put("inference_images_per_second", test.imagesPerSecond());
        figures.put("learning_rate", learningRate);
        figures.put("dense_layers", denseLayers);
        figures.put("dense_nodes", denseNodes);
        figures.put("activation", activation.id());
        figures.put("batch_size", batchSize);
        figures.put("seed", seed);
        figures.put("threads", threads);
        figures.put("kernels", runtime.kernels().name().toLowerCase(Locale.ROOT));
        return figures;
    }

    @Override
    public Integer call() throws Exception {
        check();
        PrintStream out = System.out;
        int threads = runtime.threads();
        DataSplits splits = DataOptions.load(data.dataset(), data.cacheDir(), limit.limit(), System.err);
        LabeledImages train = splits.train();
        HyperParameters hp = new HyperParameters(learningRate, denseLayers, denseNodes, activation, 5, 16, 36,
                batchSize, 2);
        Sequential model = hp.network(train.channels(), train.height(), train.width(), train.classes()).build(seed);
        out.println(model.summary());
        out.printf(Locale.ROOT, "Training on %,d images, validating on %,d (epochs %d, batch %d, Adam lr %s, %d threads, %s kernels)%n",
                train.count(), splits.validation().count(), epochs, batchSize, learningRate, threads,
                runtime.kernels().name().toLowerCase(Locale.ROOT));
        ProgressBarListener progress = new ProgressBarListener(out, System.err, train.count(), epochs);
        long started = System.nanoTime();
        History history;
        try {
            history = new Trainer(new TrainConfig(epochs, batchSize, seed, threads, runtime.kernels()))
                    .fit(model, new Adam(learningRate), train, splits.validation(), progress);
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
            out.println(Json.line(figures(history, test, model.parameterCount(), trainSeconds, train.count(), threads)));
        }
        out.flush();
        return 0;
    }
}
