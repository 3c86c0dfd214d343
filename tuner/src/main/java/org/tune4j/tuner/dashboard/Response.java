package org.tune4j.tuner.dashboard;

import java.nio.charset.StandardCharsets;

/**
 * What the dashboard answers one request with.
 *
 * @param status       the HTTP status
 * @param contentType  the Content-Type
 * @param body         the body (sent for GET, left out for HEAD)
 * @param cacheControl the Cache-Control header
 */
record Response(int status, String contentType, byte[] body, String cacheControl) {
    static final String NO_STORE = "no-store";

    static Response json(Object node) {
        return new Response(200, "application/json; charset=utf-8", SafeJson.bytes(node), NO_STORE);
    }

    /** A plain-text answer (errors): text/plain with nosniff is never rendered as HTML. */
    static Response text(int status, String message) {
        return new Response(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8),
                NO_STORE);
    }

    static Response notFound() {
        return text(404, "not found");
    }
}
