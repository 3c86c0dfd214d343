package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tune4j.engine.data.DataSplits;
import org.tune4j.engine.io.ModelFile;
import org.tune4j.engine.io.SavedModel;
import org.tune4j.engine.model.Sequential;
import org.tune4j.engine.train.Evaluation;
import org.tune4j.engine.train.Evaluator;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.postgres.StorageUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tune4j evaluate MODEL}: test accuracy, loss and confusion matrix of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print a saved model's test accuracy, loss and confusion matrix (with --storage URL --name S: the "
                + "best model of the study S in the database, on the study's dataset unless --dataset says otherwise).")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "A model file (e.g. runs/<name>/best-model.t4j); with --storage, none.")
    Path modelFile;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyNameOption study;

    @Option(names = "--json", description = "End with one line of JSON holding the figures.")
    boolean json;

    @Mixin
    DataOptions data;

    @Mixin
    RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        StorageUrl url = storage.url(study.name, modelFile != null);
        if (url == null) {
            if (modelFile == null) {
                throw new IllegalArgumentException("evaluate: give a MODEL file, or --storage URL --name STUDY");
            }
            return evaluate(modelFile, data.dataset());
        }
        if (modelFile != null) {
            throw new IllegalArgumentException("evaluate --storage: the model is the study's best, named by --name; "
                    + "give no MODEL file");
        }
        try (SharedModelFile shared = SharedModelFile.fetch(url, study.name)) {
            System.out.println("Model: " + shared.describe(study.name));
            return evaluate(shared.file(), data.dataset == null ? shared.dataset() : data.dataset());
        }
    }

    private int evaluate(Path modelFile, String dataset) throws Exception {
        PrintStream out = System.out;
        SavedModel saved = ModelFile.read(modelFile);
        Sequential model = saved.model();
        DataSplits splits = DataOptions.load(dataset, data.cacheDir(), 0, System.err);
        requireSameClasses(modelFile, saved.classNames(), dataset, splits.test().classNames());
        Evaluation ev = new Evaluator(runtime.threads(), runtime.kernels()).evaluate(model, splits.test());
        out.printf(Locale.ROOT, "Test accuracy: %.2f%% (%,d images)%n", 100 * ev.accuracy(), splits.test().count());
        out.printf(Locale.ROOT, "Test loss: %.4f%n", ev.loss());
        out.println();
        out.print(confusionTable(ev.confusion(), splits.test().classNames()));
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("test_accuracy", ev.accuracy());
            figures.put("test_loss", ev.loss());
            figures.put("images", splits.test().count());
            figures.put("confusion", ev.confusion());
            out.println(Json.line(figures));
        }
        out.flush();
        return 0;
    }

    /**
     * Fails unless the model was trained on the test set's classes, in the same order: otherwise
     * its outputs mean other classes and the accuracy would be a wrong number, not an error. A
     * file without class names ("0", "1", ... on reading) is taken on trust.
     */
    static void requireSameClasses(Path modelFile, List<String> modelClasses, String dataset, List<String> dataClasses) {
        if (modelClasses.equals(dataClasses) || modelClasses.equals(SavedModel.defaultClassNames(modelClasses.size()))) {
            return;
        }
        throw new IllegalArgumentException(modelFile + ": the model was trained on the classes " + modelClasses
                + " but the test set of " + dataset + " has the classes " + dataClasses
                + "; evaluate it with the --dataset it was trained on");
    }

    /** Rows: true class; columns: predicted class. */
    static String confusionTable(int[][] confusion, List<String> names) {
        int width = 6;
        for (int[] row : confusion) {
            for (int v : row) {
                width = Math.max(width, Integer.toString(v).length() + 1);
            }
        }
        int label = names.stream().mapToInt(String::length).max().orElse(4) + 1;
        label = Math.max(label, "true \\ predicted".length() + 1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + label + "s", "true \\ predicted"));
        for (int c = 0; c < confusion.length; c++) {
            String n = c < names.size() ? names.get(c) : Integer.toString(c);
            sb.append(String.format(Locale.ROOT, "%" + width + "s", n.length() >= width ? n.substring(0, width - 1) : n));
        }
        sb.append('\n');
        for (int r = 0; r < confusion.length; r++) {
            sb.append(String.format(Locale.ROOT, "%-" + label + "s", r < names.size() ? names.get(r) : Integer.toString(r)));
            for (int v : confusion[r]) {
                sb.append(String.format(Locale.ROOT, "%" + width + "d", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
