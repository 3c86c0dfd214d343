package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune4j train} once on the MNIST fixture: summary, per-epoch lines, test accuracy, --json, --save;
 * and once on the image-folder fixture, whose saved model {@code predict} answers with the folder names.
 */
class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainPrintsTheSummaryAndEndsWithOneJsonLine() throws Exception {
        Path model = tmp.resolve("model.t4j");
        Tune4j.Result r = Tune4j.run(tmp, "train", "--lr", "1e-3", "--dense-layers", "1", "--dense-nodes", "16",
                "--activation", "relu", "--epochs", "2", "--batch-size", "64", "--seed", "1", "--limit", "300",
                "--threads", "2", "--dataset", Tune4j.MNIST_SMALL.toString(), "--save", model.toString(), "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Total params: 43,262").contains("Epoch 1/2: loss ").contains("Epoch 2/2: loss ")
                .contains("Test accuracy: ");
        JsonNode json = Tune4j.parseJson(r.lastLine());
        for (String key : new String[] {"val_accuracy", "test_accuracy", "val_loss", "epochs", "parameters",
                "train_seconds", "images_per_second", "inference_images_per_second"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("epochs").asInt()).isEqualTo(2);
        assertThat(json.get("parameters").asInt()).isEqualTo(43_262);
        assertThat(json.get("val_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("images_per_second").asDouble()).isPositive();
        assertThat(json.get("inference_images_per_second").asDouble()).isPositive();
        assertThat(model).isNotEmptyFile();
    }

    @Test
    void trainTakesTheConvolutionHyperParametersAStudyCanSearch() throws Exception {
        Tune4j.Result r = Tune4j.run(tmp, "train", "--kernel-size", "3", "--conv1-filters", "8", "--conv2-filters", "12",
                "--conv-layers", "3", "--epochs", "1", "--limit", "200", "--threads", "1",
                "--dataset", Tune4j.MNIST_SMALL.toString(), "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode json = Tune4j.parseJson(r.lastLine());
        // by hand: conv 1->8 (3x3) 80, 8->12 876, 12->12 1,308; 28 -> 14 -> 7 -> 3, so 3*3*12 = 108 into
        // dense 16: 1,744; output 16 -> 10: 170
        assertThat(json.get("parameters").asInt()).isEqualTo(80 + 876 + 1_308 + 1_744 + 170);
        assertThat(json.get("kernel_size").asInt()).isEqualTo(3);
        assertThat(json.get("conv1_filters").asInt()).isEqualTo(8);
        assertThat(json.get("conv2_filters").asInt()).isEqualTo(12);
        assertThat(json.get("num_conv_layers").asInt()).isEqualTo(3);
        assertThat(json.get("learning_rate").asDouble()).isEqualTo(1e-3);
    }

    /**
     * --conv winograd: the same network and parameters as auto, so after one short epoch on the
     * fixture the validation loss agrees with auto's to float rounding (not bit for bit).
     */
    @Test
    void trainOnWinogradConvolutionsMatchesTheDefaultAlgorithmToRounding() throws Exception {
        double[] losses = new double[2];
        String[] convs = {"auto", "winograd"};
        for (int i = 0; i < 2; i++) {
            Tune4j.Result r = Tune4j.run(tmp, "train", "--conv", convs[i], "--epochs", "1", "--limit", "200",
                    "--threads", "1", "--dataset", Tune4j.MNIST_SMALL.toString(), "--json");
            assertThat(r.exit()).as(r.toString()).isZero();
            JsonNode json = Tune4j.parseJson(r.lastLine());
            assertThat(json.get("conv").asText()).isEqualTo(convs[i]);
            losses[i] = json.get("val_loss").asDouble();
        }
        assertThat(losses[1]).isCloseTo(losses[0], org.assertj.core.data.Offset.offset(1e-3 * losses[0]));
    }

    @Test
    void aModelTrainedOnAnImageFolderPredictsTheFolderNames() throws Exception {
        Path model = tmp.resolve("digits.t4j");
        Tune4j.Result train = Tune4j.run(tmp, "train", "--lr", "1e-3", "--dense-layers", "1", "--dense-nodes", "8",
                "--activation", "relu", "--epochs", "1", "--threads", "1", "--dataset", Tune4j.IMAGES_SMALL.toString(),
                "--save", model.toString());
        assertThat(train.exit()).as(train.toString()).isZero();

        Path image = Tune4j.IMAGES_SMALL.resolve("digit2/img00.png");
        Tune4j.Result predict = Tune4j.run(tmp, "predict", model.toString(), image.toString(), "--threads", "1");

        assertThat(predict.exit()).as(predict.toString()).isZero();
        // the folders are digit0, digit1, digit2 in label order: the name printed is the folder of the class index
        assertThat(predict.out()).containsPattern("img00.png: digit(\\d) \\(class \\1, probability [01]\\.\\d{4}\\)");
    }
}
