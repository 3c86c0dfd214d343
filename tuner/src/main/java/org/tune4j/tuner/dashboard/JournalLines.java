package org.tune4j.tuner.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one journal line's JSON into a {@link TrialView}, leniently: the dashboard shows what a
 * file holds, so a field of an unknown type is shown as missing rather than refused (the
 * journal's own reader, {@code storage.Journal}, is the strict one the study resumes from).
 * The journal's format is in {@code storage.Journal}'s Javadoc.
 */
final class JournalLines {
    private JournalLines() {
    }

    /** The finished trial of a {@code {"event":"finished","trial":{...}}} line, empty for any other line. */
    static Optional<TrialView> finishedTrial(JsonNode line) {
        if (!"finished".equals(line.path("event").asText()) || !line.path("trial").isObject()) {
            return Optional.empty();
        }
        JsonNode t = line.get("trial");
        if (!t.path("number").canConvertToInt()) {
            return Optional.empty();
        }
        String reason = text(t.get("error"));
        for (String other : new String[] {"prune_reason", "reason"}) {
            reason = reason != null ? reason : text(t.get(other));
        }
        String state = text(t.get("state"));
        return Optional.of(new TrialView(t.get("number").asInt(), t.path("params"),
                t.path("value").isNumber() ? t.get("value").asDouble() : null,
                state == null ? "unknown" : state, reason, number(t.get("seconds")),
                history(t.path("history")), text(t.get("log_dir")), reports(t.path("reports"))));
    }

    /** The number of an {@code {"event":"asked","number":N,...}} line (a trial handed out and not yet told). */
    static Optional<Integer> askedNumber(JsonNode line) {
        if ("asked".equals(line.path("event").asText()) && line.path("number").canConvertToInt()) {
            return Optional.of(line.get("number").asInt());
        }
        return Optional.empty();
    }

    private static List<EpochRow> history(JsonNode array) {
        List<EpochRow> rows = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode e : array) {
                rows.add(new EpochRow(e.path("epoch").asInt(rows.size() + 1), number(e.get("loss")),
                        number(e.get("accuracy")), number(e.get("val_loss")), number(e.get("val_accuracy")),
                        number(e.get("seconds"))));
            }
        }
        return rows;
    }

    private static List<TrialView.Report> reports(JsonNode array) {
        List<TrialView.Report> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode r : array) {
                if (r.path("step").canConvertToInt() && r.path("value").isNumber()) {
                    out.add(new TrialView.Report(r.get("step").asInt(), r.get("value").asDouble(), number(r.get("epochs"))));
                }
            }
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
