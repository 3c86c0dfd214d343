package org.tune4j.tuner.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's URLs, each a lookup in a table (never a file path built from the request):
 * <pre>
 * /                                      the studies page
 * /study/{id}                            a study's page
 * /assets/{name}                         the pages' script, style and uPlot ({@link Assets})
 * /api/studies                           every study's summary (JSON)
 * /api/studies/{id}[?since=VERSION]      a study's detail: trials, trial in flight, plots (JSON); only its
 *                                        summary and "unchanged": true when its version is still VERSION
 * /api/studies/{id}/curves?trials=1,5    learning curves of chosen trials (JSON)
 * /api/studies/{id}/plots/{file}.png     a plot the report drew ({@link StudyWatch#PLOTS})
 * /api/studies/{id}/draw                 draw the plots from the trials so far, in the dashboard's own
 *                                        directory ({@link PlotDrawer}); the study is not touched
 * /api/studies/{id}/drawn/{file}.png     a plot of that drawing
 * </pre>
 * Anything else, and any id or name not in its table, is a 404.
 */
final class Routes {
    /** At most this many curves in one request (a page overlays a handful). */
    static final int MAX_CURVES = 50;

    private final ServedStudies studies;
    private final Assets assets;
    private final PlotDrawer drawer;

    Routes(ServedStudies studies, Assets assets, PlotDrawer drawer) {
        this.studies = studies;
        this.assets = assets;
        this.drawer = drawer;
    }

    /** The answer to a GET of the decoded path {@code p} with query parameters {@code query}. */
    Response route(List<String> p, Map<String, String> query) {
        if (p.isEmpty()) {
            return asset("studies.html");
        }
        return switch (p.get(0)) {
            case "study" -> p.size() == 2 && studies.find(p.get(1)).isPresent() ? asset("study.html") : Response.notFound();
            case "assets" -> p.size() == 2 ? asset(p.get(1)) : Response.notFound();
            case "api" -> p.size() >= 2 && p.get(1).equals("studies") ? api(p.subList(2, p.size()), query)
                    : Response.notFound();
            default -> Response.notFound();
        };
    }

    private Response api(List<String> p, Map<String, String> query) {
        if (p.isEmpty()) {
            ArrayNode all = SafeJson.object().arrayNode();
            for (StudyWatch w : studies.all()) {
                all.add(StudyJson.summary(w.snapshot()));
            }
            ObjectNode o = SafeJson.object();
            o.set("studies", all);
            return Response.json(o);
        }
        Optional<StudyWatch> watch = studies.find(p.get(0));
        if (watch.isEmpty()) {
            return Response.notFound();
        }
        if (p.size() == 1) {
            StudySnapshot snapshot = watch.get().snapshot();
            boolean unchanged = snapshot.version().equals(query.get("since"));
            ObjectNode o = unchanged ? StudyJson.unchanged(snapshot) : StudyJson.detail(snapshot);
            StudyJson.putDrawn(o, drawer.latest(snapshot.id()), drawer.drawing());
            return Response.json(o);
        }
        if (p.size() == 2 && p.get(1).equals("curves")) {
            Optional<List<Integer>> numbers = trialNumbers(query.getOrDefault("trials", ""));
            if (numbers.isEmpty()) {
                return Response.text(400, "query parameter trials: expected up to " + MAX_CURVES
                        + " trial numbers separated by commas, e.g. trials=1,5");
            }
            return Response.json(StudyJson.curves(watch.get(), watch.get().snapshot(), numbers.get()));
        }
        if (p.size() == 3 && p.get(1).equals("plots") && StudyWatch.PLOTS.contains(p.get(2))) {
            return plot(watch.get().root().resolve("plots").resolve(p.get(2)));
        }
        if (p.size() == 2 && p.get(1).equals("draw")) {
            ObjectNode o = SafeJson.object();
            o.put("started", drawer.request(watch.get(), watch.get().snapshot().version()));
            return Response.json(o);
        }
        if (p.size() == 3 && p.get(1).equals("drawn") && StudyWatch.PLOTS.contains(p.get(2))) {
            return drawer.latest(p.get(0)).filter(d -> d.plots() != null)
                    .map(d -> plot(d.plots().resolve(p.get(2)))).orElseGet(Response::notFound);
        }
        return Response.notFound();
    }

    private Response asset(String name) {
        return assets.get(name)
                .map(a -> new Response(200, a.contentType(), a.bytes(), "no-cache"))
                .orElseGet(Response::notFound);
    }

    private static Response plot(Path png) {
        if (!Files.isRegularFile(png)) {
            return Response.notFound();
        }
        try {
            return new Response(200, "image/png", Files.readAllBytes(png), "no-cache");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png + ": " + e.getMessage(), e);
        }
    }

    /** "1,5,7" as numbers; empty when a part is not a positive integer or there are too many. */
    static Optional<List<Integer>> trialNumbers(String text) {
        List<Integer> out = new ArrayList<>();
        if (text.isBlank()) {
            return Optional.of(out);
        }
        for (String part : text.split(",", -1)) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 1) {
                    return Optional.empty();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return out.size() <= MAX_CURVES ? Optional.of(out) : Optional.empty();
    }
}
