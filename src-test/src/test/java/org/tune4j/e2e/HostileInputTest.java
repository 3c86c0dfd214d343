package org.tune4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 through the real CLI: small files that claim big sizes, a network that cannot fit in
 * memory, a results.json lagging its journal. Each is one line on stderr (no stack trace, no out
 * of memory), and a poison trial is a failed trial, not a dead study.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private Tune4j.Result run(String... args) throws Exception {
        Tune4j.Result r = Tune4j.run(tmp, args);
        assertThat(r.err()).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("OutOfMemory");
        return r;
    }

    /** A format-1 model file (no checksum) with this architecture and {@code parameters} zeros. */
    private Path model(String name, String input, String layers, int parameters) throws Exception {
        byte[] json = ("{\"format\":\"tune4j-sequential\",\"input\":" + input + ",\"parameters\":" + parameters
                + ",\"layers\":[" + layers + "]}").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + json.length + 4 * parameters).order(ByteOrder.LITTLE_ENDIAN);
        b.put("T4JM".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(json.length).put(json).putInt(parameters);
        return Files.write(tmp.resolve(name), b.array());
    }

    @Test
    void smallModelFilesClaimingHugeSizesAreRefusedWithTheLimit() throws Exception {
        Path huge = model("huge.t4j", "[1,46340,46340]", "{\"type\":\"Flatten\"},{\"type\":\"Dense\",\"units\":10}", 0);
        assertThat(Files.size(huge)).isLessThan(200);
        Tune4j.Result r = run("evaluate", "--dataset", Tune4j.MNIST_SMALL.toString(), huge.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("tune4j: model file " + huge + ": invalid architecture: input 1 x 46340 x 46340: "
                + "2,147,395,600 values per example, more than the limit of 67,108,864");

        Path twoChannels = model("two.t4j", "[2,28,28]", "{\"type\":\"Flatten\"},{\"type\":\"Dense\",\"units\":10}",
                2 * 784 * 10 + 10);
        Path image = Tune4j.IMAGES_SMALL.resolve("digit0").resolve("img00.png");
        Tune4j.Result predict = run("predict", twoChannels.toString(), image.toString());
        assertThat(predict.exit()).isEqualTo(1);
        assertThat(predict.err().lines()).contains("tune4j: model file " + twoChannels + " expects input (2, 28, 28): "
                + "predict reads images as 1 channel (gray) or 3 (RGB) of any height and width");
    }

    @Test
    void aGzipBombAmongTheIdxFilesIsRefusedUninflated() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bomb"));
        for (String f : new String[] {"train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(Tune4j.MNIST_SMALL.resolve(f), dir.resolve(f));
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            gz.write(ByteBuffer.allocate(16).putInt(0x803).putInt(2000).putInt(28).putInt(28).array());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        Path images = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), bomb.toByteArray());
        Tune4j.Result r = run("train", "--dataset", dir.toString(), "--epochs", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("tune4j: " + images + ": inflates to more than the 1,568,016 bytes its IDX header "
                + "claims (trailing data, or a gzip bomb); stopped reading there");
    }

    @Test
    void aPoisonTrialFailsWithItsReasonTheStudyGoesOnAndAReportCatchesUpWithTheJournal() throws Exception {
        Path space = Files.writeString(tmp.resolve("space.json"),
                "{\"num_dense_nodes\": {\"type\": \"integer\", \"low\": 500000, \"high\": 1000000}}");
        Tune4j.Result r = run("tune", "--space", space.toString(), "--calls", "2", "--limit", "200", "--epochs", "1",
                "--dataset", Tune4j.MNIST_SMALL.toString(), "--runs-dir", tmp.toString(), "--name", "poison", "--no-report");
        assertThat(r.exit()).as(r.toString()).isEqualTo(0);
        Path run = tmp.resolve("poison");
        JsonNode results = Tune4j.readJson(run.resolve("results.json"));
        assertThat(results.get("trials")).hasSize(2);
        for (JsonNode trial : results.get("trials")) {
            assertThat(trial.get("state").asText()).isEqualTo("failed");
            assertThat(trial.get("error").asText()).startsWith("Dense 1764 inputs x ").contains("more than the limit of 268,435,456");
        }

        ObjectNode lagging = (ObjectNode) results;   // as if killed after journaling trial 2, before results.json
        ((ArrayNode) lagging.get("trials")).remove(1);
        Files.writeString(run.resolve("results.json"), new ObjectMapper().writeValueAsString(lagging));
        Tune4j.Result report = run("report", run.toString());
        assertThat(report.exit()).as(report.toString()).isEqualTo(0);
        assertThat(report.err()).contains("listed 1 of the journal's 2 finished trials").contains("rewritten from the journal");
        assertThat(Tune4j.readJson(run.resolve("results.json")).get("trials")).hasSize(2);
    }
}
