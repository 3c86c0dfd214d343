package org.tune4j.tuner.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one handler of the dashboard's server, in order: only GET and HEAD (anything else is 405:
 * no request changes a study); on a loopback address, only requests addressed to this machine
 * ({@link HostCheck}: 403); the token when one is set (401); the path's segments
 * ({@link RequestPath}: a path that could leave the served studies is 404); then {@link Routes}.
 * Every answer carries {@code X-Content-Type-Options: nosniff}, a Content-Security-Policy that lets
 * the pages load their own files only, and no referrer (the token may be in the URL). An
 * unexpected failure is a 500 with one line, and one line in the log.
 */
final class DashboardHandler implements HttpHandler {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Routes routes;
    private final HostCheck hosts;
    private final AccessToken token;
    private final Consumer<String> log;

    DashboardHandler(Routes routes, HostCheck hosts, AccessToken token, Consumer<String> log) {
        this.routes = routes;
        this.hosts = hosts;
        this.token = token;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = answer(exchange);
            } catch (RuntimeException e) {
                log.accept("dashboard: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + " failed: " + e.getMessage());
                response = Response.text(500, "internal error (the dashboard's console says more)");
            }
            send(exchange, response);
        }
    }

    private Response answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return Response.text(405, "method " + method + " not allowed: the dashboard is read-only (GET, HEAD)");
        }
        if (!hosts.admits(exchange.getRequestHeaders().getFirst("Host"))) {
            return Response.text(403, "this dashboard answers requests addressed to localhost or 127.0.0.1 only "
                    + "(it listens on this machine; a page from elsewhere cannot read it through DNS rebinding)");
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!token.admits(exchange.getRequestHeaders().getFirst(AccessToken.HEADER), query.get(AccessToken.QUERY_PARAMETER))) {
            return Response.text(401, "this dashboard needs its token: open the address it printed at start-up "
                    + "(?token=...) or send the header " + AccessToken.HEADER);
        }
        Optional<List<String>> segments = RequestPath.segments(exchange.getRequestURI().getRawPath());
        return segments.isEmpty() ? Response.notFound() : routes.route(segments.get(), query);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", response.contentType());
        h.set("Cache-Control", response.cacheControl());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        if (exchange.getRequestMethod().equals("HEAD")) {
            h.set("Content-Length", Integer.toString(response.body().length));
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    /** The query's parameters, decoded (the first of a repeated name wins); malformed parts are skipped. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a bad escape: the parameter is ignored
            }
        }
        return out;
    }
}
