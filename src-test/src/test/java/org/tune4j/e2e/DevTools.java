package org.tune4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's WebSocket
 * client and Jackson: {@link #launch} starts {@code chromium --headless --remote-debugging-port=0}
 * with a fresh profile, reads the DevTools address it prints, and attaches to its page. Enough for
 * the dashboard's test: navigate, evaluate JavaScript, wait for a condition, click where a user
 * clicks. Closing ends the browser and its child processes.
 *
 * <p>Where Chromium is missing the test is skipped, saying what to install, except under
 * {@code CI=true}, where it fails (as {@code ReportInChromiumTest} does).
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final long STEP_SECONDS = 30;

    private final Process browser;
    private final Path profile;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private WebSocket socket;                           // set once by launch, before any command

    private DevTools(Process browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** Starts headless Chromium (window {@code width} x {@code height}) and attaches to its page. */
    static DevTools launch(Path workDir, int width, int height) throws IOException, InterruptedException {
        Path chromium = Chromium.find(DashboardInChromiumTest.class, "the dashboard");
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        Path err = workDir.resolve("chromium.err");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(workDir.resolve("chromium.out").toFile()).redirectError(err.toFile()).start();
        try {
            String browserWs = waitFor(() -> {
                Matcher m = LISTENING.matcher(Files.exists(err) ? Files.readString(err) : "");
                return m.find() ? m.group(1) : null;
            }, "Chromium's DevTools address in " + err);
            URI base = URI.create(browserWs.replaceFirst("^ws://", "http://"));
            HttpClient http = HttpClient.newHttpClient();
            String pageWs = waitFor(() -> {
                String list = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode target : JSON.readTree(list)) {
                    if ("page".equals(target.path("type").asText())) {
                        return target.get("webSocketDebuggerUrl").asText();
                    }
                }
                return null;
            }, "a page target of Chromium");
            DevTools tools = new DevTools(p, profile);
            tools.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(STEP_SECONDS))
                    .buildAsync(URI.create(pageWs), tools.listener()).get(STEP_SECONDS, TimeUnit.SECONDS);
            return tools;
        } catch (AssertionError | InterruptedException | IOException e) {
            destroy(p);
            throw e;
        } catch (Exception e) {
            destroy(p);
            throw new IOException("cannot drive Chromium: " + e, e);
        }
    }

    private WebSocket.Listener listener() {
        StringBuilder frame = new StringBuilder();
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                frame.append(data);
                if (last) {
                    String text = frame.toString();
                    frame.setLength(0);
                    try {
                        JsonNode message = JSON.readTree(text);
                        if (message.has("id")) {
                            CompletableFuture<JsonNode> f = waiting.remove(message.get("id").asInt());
                            if (f != null) {
                                f.complete(message);
                            }
                        }
                    } catch (IOException ignored) {
                        // not JSON: not a reply
                    }
                }
                ws.request(1);
                return null;
            }
        };
    }

    /** Sends one command and returns its {@code result} (fails on a protocol error). */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(JSON.writeValueAsString(message), true).get(STEP_SECONDS, TimeUnit.SECONDS);
        JsonNode answer = reply.get(STEP_SECONDS, TimeUnit.SECONDS);
        if (answer.has("error")) {
            fail("DevTools " + method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    void navigate(String url) throws Exception {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /** The value of a JavaScript expression evaluated in the page (awaiting a promise). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            fail("page script failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Waits up to {@code seconds} for {@code expression}'s value to satisfy {@code ok}; returns it. An
     * expression that throws (the page is still loading) counts as null.
     */
    JsonNode waitUntil(String what, String expression, Predicate<JsonNode> ok, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        JsonNode value = null;
        while (System.nanoTime() < end) {
            value = evaluate("(() => { try { return (" + expression + "); } catch (e) { return null; } })()");
            if (ok.test(value)) {
                return value;
            }
            Thread.sleep(100);
        }
        return fail("waited " + seconds + " s for " + what + "; " + expression + " is " + value);
    }

    /** Clicks with the mouse at the centre of the element {@code selector} (scrolled into view first). */
    void click(String selector) throws Exception {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            fail("no element " + selector + " to click");
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type).put("x", box.get("x").asDouble())
                    .put("y", box.get("y").asDouble()).put("button", "left").put("clickCount", 1));
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        destroy(browser);
        for (String link : List.of("SingletonSocket", "SingletonLock", "SingletonCookie")) {
            try {
                Files.deleteIfExists(profile.resolve(link));   // links into /tmp that JUnit would warn about
            } catch (IOException ignored) {
                // left for the temporary directory's clean-up
            }
        }
    }

    private static void destroy(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private interface Source<T> {
        T get() throws Exception;
    }

    private static <T> T waitFor(Source<T> source, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (System.nanoTime() < end) {
            T value = source.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        return fail("waited " + STEP_SECONDS + " s for " + what);
    }
}
