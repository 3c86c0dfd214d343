package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tune4j.engine.data.LabeledImages;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.io.SavedModel;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.tensor.Shape;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tune4j predict MODEL IMAGE...}: the most probable class of each image, by the name the
 * model file records (the index for files saved without names), with its index and probability.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Print the most probable class (name, index) and its probability for each image.")
final class PredictCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "MODEL IMAGE",
            description = "A model file (e.g. runs/<name>/best-model.t4j; with --storage, none: the study's best model), "
                    + "then image files (PNG, JPEG), converted to the model's input size and channels.")
    List<Path> arguments;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyNameOption study;

    private Path modelFile;
    private List<Path> images;

    /** When to invert an image's values (1 - x) before predicting. */
    enum Inversion { AUTO, YES, NO }

    @Option(names = "--invert", paramLabel = "WHEN", converter = InversionConverter.class,
            description = {"Invert an image (1 - value) before predicting: auto (when its border is mostly light: "
                    + "MNIST and Fashion-MNIST models learned light figures on a black background, and people "
                    + "draw dark digits on white), yes, or no (for models trained on light backgrounds) "
                    + "(default: auto). An inverted image is marked so in the output."})
    Inversion invert = Inversion.AUTO;

    @Mixin
    RuntimeOptions runtime;

    static final class InversionConverter implements picocli.CommandLine.ITypeConverter<Inversion> {
        @Override
        public Inversion convert(String text) {
            for (Inversion i : Inversion.values()) {
                if (i.name().equalsIgnoreCase(text.strip())) {
                    return i;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected auto, yes or no, found '" + text + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        StorageUrl url = storage.storage == null && study.name == null ? null : storage.url(study.name);
        if (url == null) {
            if (arguments.size() < 2) {
                throw new IllegalArgumentException("predict: give a MODEL file and at least one IMAGE (or --storage URL "
                        + "--name STUDY and the images)");
            }
            modelFile = arguments.get(0);
            images = arguments.subList(1, arguments.size());
            return predict();
        }
        images = arguments;
        try (SharedModelFile shared = SharedModelFile.fetch(url, study.name)) {
            System.out.println("Model: " + shared.describe(study.name));
            modelFile = shared.file();
            return predict();
        }
    }

    private int predict() throws Exception {
        PrintStream out = System.out;
        SavedModel saved = ModelFile.read(modelFile);
        Sequential model = saved.model();
        Shape in = model.inputShape();
        if (!in.isImage() || (in.channels() != 1 && in.channels() != 3)) {
            throw new IllegalArgumentException("model file " + modelFile + " expects input " + in + ": predict reads images"
                    + " as 1 channel (gray) or 3 (RGB) of any height and width");
        }
        int classes = model.outputShape().size();
        int size = in.size();
        float[] pixels = new float[images.size() * size];
        boolean[] inverted = new boolean[images.size()];
        for (int i = 0; i < images.size(); i++) {
            float[] x = ImageInput.read(images.get(i), in.channels(), in.dim(1), in.dim(2));
            inverted[i] = invert == Inversion.YES
                    || invert == Inversion.AUTO && ImageInput.lightBackground(x, in.channels(), in.dim(1), in.dim(2));
            if (inverted[i]) {
                ImageInput.invert(x);
            }
            System.arraycopy(x, 0, pixels, i * size, size);
        }
        LabeledImages batch = new LabeledImages(pixels, new int[images.size()], images.size(), in.channels(),
                in.dim(1), in.dim(2), saved.classNames());
        Evaluation ev = new Evaluator(runtime.threads(), runtime.kernels()).evaluate(model, batch);
        for (int i = 0; i < images.size(); i++) {
            int k = ev.predicted()[i];
            out.printf(Locale.ROOT, "%s: %s (class %d, probability %.4f)%s%n", images.get(i), saved.classNames().get(k), k,
                    ev.probabilities()[i * classes + k], inverted[i] ? " [inverted: light background]" : "");
        }
        out.flush();
        return 0;
    }
}
