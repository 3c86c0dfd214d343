package org.tune4j.tuner.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over real HTTP (the JDK's HttpClient, and a raw socket where a client would tidy the path). */
class DashboardServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:14:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<DashboardServer> servers = new ArrayList<>();
    private StudyFixture study;
    private DashboardServer server;

    @BeforeEach
    void aStudyWithAScriptForAParameterName() throws IOException {
        study = StudyFixture.create(tmp.resolve("runs"), "demo", 4);
        study.complete(1, 1e-3, 0.90, 40);
        study.failed(2, 1e-2, "loss became NaN </script><script>alert(2)</script>");
        study.complete(3, 2e-3, 0.95, 20);
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.writeString(study.root.resolve("plots.txt"), "not a plot");
        server = start(Optional.empty());
    }

    @AfterEach
    void stop() {
        servers.forEach(DashboardServer::close);
    }

    private DashboardServer start(Optional<String> token) {
        DashboardServer s = DashboardServer.start(new DashboardConfig(InetAddress.getLoopbackAddress(), 0, token,
                tmp.resolve("runs"), List.of(), tmp.resolve("no-cache")), CLOCK, line -> { });
        servers.add(s);
        return s;
    }

    private HttpResponse<String> get(DashboardServer s, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesBothPagesTheAssetsAndTheStudy() throws Exception {
        HttpResponse<String> home = get(server, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("Content-Security-Policy")).contains(DashboardHandler.CONTENT_SECURITY_POLICY);
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get(server, "/study/demo").body()).contains("<script src=\"/assets/study.js\"></script>");
        assertThat(get(server, "/study/other").statusCode()).isEqualTo(404);
        assertThat(get(server, "/assets/uPlot.iife.min.js").body()).contains("uPlot");
        assertThat(get(server, "/assets/nothing.js").statusCode()).isEqualTo(404);

        JsonNode all = JSON.readTree(get(server, "/api/studies").body()).get("studies");
        assertThat(all).hasSize(1);
        JsonNode demo = all.get(0);
        assertThat(demo.get("id").asText()).isEqualTo("demo");
        assertThat(demo.get("state").asText()).isEqualTo("interrupted");    // 3 of 4, nobody holds the lock
        assertThat(demo.get("finished").asInt()).isEqualTo(3);
        assertThat(demo.get("budget").asInt()).isEqualTo(4);
        assertThat(demo.get("best").get("trial").asInt()).isEqualTo(3);
        assertThat(demo.get("best").get("value").asDouble()).isEqualTo(-0.95);

        JsonNode detail = JSON.readTree(get(server, "/api/studies/demo").body());
        assertThat(detail.get("trials")).extracting(t -> t.get("state").asText()).containsExactly("complete", "failed", "complete");
        JsonNode curves = JSON.readTree(get(server, "/api/studies/demo/curves?trials=3,1,99").body()).get("trials");
        assertThat(curves).extracting(t -> t.get("number").asInt()).containsExactly(3, 1);
        assertThat(curves.get(0).get("curve").get(1).get("val_accuracy").asDouble()).isEqualTo(0.95);
        assertThat(get(server, "/api/studies/demo/curves?trials=1,x").statusCode()).isEqualTo(400);
        study.journal.appendFinished(new org.tune4j.tuner.storage.TrialRecord(4, StudyFixture.params(1e-4), -0.3,
                org.tune4j.optimizer.TrialState.PRUNED, null, 1.0, List.of(), null,
                List.of(new org.tune4j.tuner.storage.ReportRecord(1, -0.3, 0.25, 250L)), "below the median"));
        JsonNode pruned = JSON.readTree(get(server, "/api/studies/demo/curves?trials=4").body()).get("trials").get(0);
        assertThat(pruned.get("state").asText()).isEqualTo("pruned");
        assertThat(pruned.get("reports").get(0).get("epochs").asDouble()).isEqualTo(0.25);
        assertThat(JSON.readTree(get(server, "/api/studies/demo").body()).get("trials").get(3).get("reason").asText())
                .isEqualTo("below the median");
    }

    @Test
    void studySourcedTextIsEscapedInJsonAndSurvivesIntact() throws Exception {
        String body = get(server, "/api/studies/demo").body();

        assertThat(body).doesNotContain("<script>").doesNotContain("</script>").contains("\\u003Cscript\\u003E");
        JsonNode detail = JSON.readTree(body);
        assertThat(detail.get("dimensions")).extracting(JsonNode::asText).contains(StudyFixture.SCRIPT);
        assertThat(detail.get("trials").get(1).get("reason").asText())
                .isEqualTo("loss became NaN </script><script>alert(2)</script>");
        // the pages insert values as text only: no innerHTML, no eval anywhere in the dashboard's scripts
        for (String script : List.of("common.js", "studies.js", "study.js")) {
            assertThat(get(server, "/assets/" + script).body()).as(script)
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("eval(").doesNotContain("document.write");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void isReadOnly(String method) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/studies/demo")).method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(Files.readString(study.root.resolve("journal.jsonl"))).doesNotContain("{}");
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/../../secret.txt", "/assets/../../secret.txt", "/assets/..%2f..%2fsecret.txt",
            "/assets/%2e%2e/%2e%2e/secret.txt", "/api/studies/%2e%2e", "/api/studies/..%252f..%252fsecret.txt",
            "/api/studies/demo/plots/..%2f..%2fsecret.txt", "/api/studies/demo/plots/..%2fplots.txt",
            "/api/studies/demo/plots/%2e%2e%2fplots.txt", "/api/studies/demo/plots/plots.txt",
            "/api/studies/%2Ftmp", "//secret.txt", "/api/studies/demo%2f..%2f..%2fsecret.txt",
            "/study/%2e%2e%2f%2e%2e%2fsecret.txt", "/api/studies/demo/plots/%252e%252e%252fplots.txt"})
    void pathsOutsideTheServedStudiesAre404(String rawPath) throws IOException {
        String response = rawGet(server.port(), rawPath);
        assertThat(response).as(rawPath).startsWith("HTTP/1.1 404").doesNotContain("TOP SECRET").doesNotContain("not a plot");
    }

    @Test
    void theTokenIsRequiredAsAHeaderOrAQueryParameter() throws Exception {
        DashboardServer guarded = start(Optional.of("s3cret&more"));
        assertThat(guarded.url().toString()).endsWith("/?token=s3cret%26more");

        assertThat(get(guarded, "/api/studies").statusCode()).isEqualTo(401);
        assertThat(get(guarded, "/api/studies?token=s3cret").statusCode()).isEqualTo(401);
        assertThat(get(guarded, "/").statusCode()).isEqualTo(401);
        assertThat(get(guarded, "/api/studies?token=s3cret%26more").statusCode()).isEqualTo(200);
        assertThat(get(guarded, guarded.url().getRawPath() + "?" + guarded.url().getRawQuery()).statusCode()).isEqualTo(200);
        HttpResponse<String> byHeader = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port()
                + "/api/studies")).header(AccessToken.HEADER, "s3cret&more").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byHeader.statusCode()).isEqualTo(200);
    }

    @Test
    void aTrialAppendedToTheJournalShowsAtTheNextPoll() throws Exception {
        assertThat(JSON.readTree(get(server, "/api/studies/demo").body()).get("trials")).hasSize(3);
        study.complete(4, 3e-3, 0.97, 10);

        JsonNode after = JSON.readTree(get(server, "/api/studies").body()).get("studies").get(0);

        assertThat(after.get("finished").asInt()).isEqualTo(4);
        assertThat(after.get("state").asText()).isEqualTo("finished");
        assertThat(after.get("best").get("trial").asInt()).isEqualTo(4);
        StudyFixture late = StudyFixture.create(tmp.resolve("runs"), "late", 2);      // a study started afterwards
        late.complete(1, 1e-3, 0.5, 1);
        assertThat(JSON.readTree(get(server, "/api/studies").body()).get("studies")).hasSize(2);
    }

    @Test
    void aPollWithTheCurrentVersionGetsTheSummaryOnlyUntilTheStudyChanges() throws Exception {
        JsonNode first = JSON.readTree(get(server, "/api/studies/demo").body());
        String version = first.get("version").asText();
        String since = "/api/studies/demo?since=" + java.net.URLEncoder.encode(version, StandardCharsets.UTF_8);

        JsonNode same = JSON.readTree(get(server, since).body());
        assertThat(same.get("unchanged").asBoolean()).isTrue();
        assertThat(same.has("trials")).isFalse();
        assertThat(same.get("finished").asInt()).isEqualTo(3);

        study.complete(4, 3e-3, 0.97, 10);
        JsonNode changed = JSON.readTree(get(server, since).body());
        assertThat(changed.has("unchanged")).isFalse();
        assertThat(changed.get("trials")).hasSize(4);
        assertThat(changed.get("version").asText()).isNotEqualTo(version);
    }

    @Test
    void plotsAreDrawnOnRequestOutsideTheRunDirectory() throws Exception {
        Path run = org.tune4j.tuner.report.Fixtures.runDir(tmp.resolve("runs"), "reported",
                org.tune4j.tuner.report.Fixtures.resultsJson());
        Files.writeString(run.resolve("study.json"), "{\"format\": 1, \"kind\": \"tune\", \"config\": {\"calls\": 40}}");
        List<String> before;
        try (var files = Files.list(run)) {
            before = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(JSON.readTree(get(server, "/api/studies/reported").body()).get("drawn").isNull()).isTrue();
        assertThat(get(server, "/api/studies/reported/drawn/convergence.png").statusCode()).isEqualTo(404);

        assertThat(JSON.readTree(get(server, "/api/studies/reported/draw").body()).get("started").asBoolean()).isTrue();
        JsonNode drawn = null;
        for (long end = System.nanoTime() + 60_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
            JsonNode d = JSON.readTree(get(server, "/api/studies/reported").body());
            if (!d.get("drawn").isNull() && !d.get("drawing").asBoolean()) {
                drawn = d.get("drawn");
                break;
            }
        }
        assertThat(drawn).as("a drawing within 60 s").isNotNull();
        assertThat(drawn.get("plots")).extracting(JsonNode::asText)
                .contains("convergence.png", "evaluations.png", "partial-dependence.png");
        assertThat(drawn.get("notes").toString()).contains("no best-model.t4j");   // the plots it cannot draw: said so
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/studies/reported/drawn/convergence.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(java.util.Arrays.copyOf(png.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
        try (var files = Files.list(run)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).as("the run directory untouched")
                    .isEqualTo(before);
        }
    }

    @Test
    void aStudyOfAThousandTrialsOpensInWellUnderASecond() throws Exception {
        StudyFixture big = StudyFixture.create(tmp.resolve("runs"), "big", 1000);
        Files.write(big.root.resolve("journal.jsonl"), StudyFixture.manyTrialLines(1000));

        long start = System.nanoTime();
        HttpResponse<String> page = get(server, "/study/big");
        HttpResponse<String> detail = get(server, "/api/studies/big");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(detail.body()).get("trials")).hasSize(1000);
        System.out.printf("dashboard: a 1,000-trial study's page and data served in %.3f s (first, cold request)%n", seconds);
        assertThat(seconds).as("seconds to serve a 1,000-trial study (generous margin for a busy machine)").isLessThan(5.0);
    }

    @Test
    void onLoopbackOnlyRequestsAddressedToThisMachineAreAnswered() throws IOException {
        assertThat(rawGet(server.port(), "/api/studies", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
        assertThat(rawGet(server.port(), "/api/studies", "127.0.0.1")).startsWith("HTTP/1.1 200");
        assertThat(rawGet(server.port(), "/api/studies", "[::1]:" + server.port())).startsWith("HTTP/1.1 200");
        for (String rebound : List.of("attacker.example", "attacker.example:" + server.port(), "localhost.attacker.example",
                "127.0.0.1.attacker.example", "")) {
            assertThat(rawGet(server.port(), "/api/studies", rebound)).as(rebound).startsWith("HTTP/1.1 403")
                    .doesNotContain("demo");
        }
        assertThat(HostCheck.any().admits("dashboard.lan:8080")).isTrue();
    }

    private static String rawGet(int port, String rawPath) throws IOException {
        return rawGet(port, rawPath, "127.0.0.1");
    }

    /** Sends exactly {@code rawPath} (no client normalises it) with {@code host}, and returns the whole response. */
    private static String rawGet(int port, String rawPath, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
