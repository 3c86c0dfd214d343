package org.tune4j.tuner.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The JSON the pages poll, built from a {@link StudySnapshot}: a study's summary (the studies
 * page), its detail (the study page: the trials without their histories, the trial in flight with
 * its epochs) and the learning curves of chosen trials. Durations are in seconds, missing numbers
 * null; every string is escaped by {@link SafeJson}.
 */
final class StudyJson {
    private StudyJson() {
    }

    /** The studies page's row: state, progress, best value and its parameters, elapsed and time left. */
    static ObjectNode summary(StudySnapshot s) {
        ObjectNode o = SafeJson.object();
        o.put("id", s.id());
        o.put("kind", s.settings().kind());
        o.put("state", s.state().label());
        o.put("finished", s.trials().size());
        putInt(o, "budget", s.settings().budget());
        o.put("pending", s.pending().size() + (s.inFlight().isPresent() ? 1 : 0));
        Optional<TrialView> best = s.best();
        if (best.isPresent()) {
            ObjectNode b = o.putObject("best");
            b.put("trial", best.get().number());
            b.put("value", best.get().value());
            b.set("params", best.get().params());
        } else {
            o.putNull("best");
        }
        o.put("created", s.created().map(Object::toString).orElse(null));
        SafeJson.putNumber(o, "elapsed_seconds", s.elapsed() == null ? Double.NaN : s.elapsed().toMillis() / 1e3);
        SafeJson.putNumber(o, "estimate_left_seconds", s.estimateLeft().map(d -> d.toMillis() / 1e3).orElse(Double.NaN));
        o.put("problem", s.problem());
        o.put("version", s.version());
        return o;
    }

    /** The study page's data: the summary plus settings, trials, the trial in flight and the plots present. */
    static ObjectNode detail(StudySnapshot s) {
        ObjectNode o = summary(s);
        ArrayNode dims = o.putArray("dimensions");
        s.settings().dimensions().forEach(dims::add);
        putInt(o, "epochs", s.settings().epochs());
        o.set("config", s.settings().config());
        ArrayNode trials = o.putArray("trials");
        for (TrialView t : s.trials()) {
            ObjectNode row = trials.addObject();
            row.put("number", t.number());
            row.put("state", t.state());
            if (t.value() == null) {
                row.putNull("value");
            } else {
                row.put("value", t.value());
            }
            row.put("reason", t.reason());
            SafeJson.putNumber(row, "seconds", t.seconds());
            row.put("epochs", t.history().size());
            row.put("reports", t.reports().size());
            row.put("log_dir", t.logDir());
            row.set("params", t.params());
        }
        if (s.inFlight().isPresent()) {
            ObjectNode f = o.putObject("in_flight");
            f.put("log_dir", s.inFlight().get().logDir());
            f.set("curve", epochs(s.inFlight().get().epochs()));
        } else {
            o.putNull("in_flight");
        }
        ArrayNode pending = o.putArray("pending_trials");
        s.pending().stream().sorted().forEach(pending::add);
        ArrayNode plots = o.putArray("plots");
        s.plots().forEach(plots::add);
        return o;
    }

    /**
     * The summary alone, marked {@code "unchanged": true}: the answer to a poll that already has this
     * version's detail (a page polling a study of thousands of trials fetches them once per change).
     */
    static ObjectNode unchanged(StudySnapshot s) {
        return summary(s).put("unchanged", true);
    }

    /**
     * Adds the dashboard's own drawing of the study's plots, if any ({@code drawn}: the study's version
     * it was drawn from, the plots present, the report's notes on those it could not draw) and whether
     * a drawing is under way ({@code drawing}).
     */
    static void putDrawn(ObjectNode o, Optional<PlotDrawer.Drawn> drawn, boolean drawing) {
        o.put("drawing", drawing);
        if (drawn.isEmpty()) {
            o.putNull("drawn");
            return;
        }
        ObjectNode d = o.putObject("drawn");
        d.put("version", drawn.get().version());
        ArrayNode plots = d.putArray("plots");
        if (drawn.get().plots() != null) {
            StudyWatch.PLOTS.stream().filter(p -> java.nio.file.Files.isRegularFile(drawn.get().plots().resolve(p)))
                    .forEach(plots::add);
        }
        ArrayNode notes = d.putArray("notes");
        drawn.get().notes().forEach(notes::add);
    }

    /** The learning curves of the trials asked for, in the order asked; unknown numbers are left out. */
    static ObjectNode curves(StudyWatch watch, StudySnapshot s, List<Integer> numbers) {
        ObjectNode o = SafeJson.object();
        ArrayNode out = o.putArray("trials");
        for (int n : numbers) {
            s.trials().stream().filter(t -> t.number() == n).findFirst().ifPresent(t -> {
                ObjectNode c = out.addObject();
                c.put("number", t.number());
                c.put("state", t.state());
                c.set("params", t.params());
                c.set("curve", epochs(watch.curve(t)));
                ArrayNode reports = c.putArray("reports");
                for (TrialView.Report r : t.reports()) {
                    ObjectNode o2 = reports.addObject().put("step", r.step()).put("value", r.value());
                    SafeJson.putNumber(o2, "epochs", r.epochs());
                }
            });
        }
        return o;
    }

    private static ArrayNode epochs(List<EpochRow> rows) {
        ArrayNode a = SafeJson.object().arrayNode();
        for (EpochRow e : rows) {
            ObjectNode r = a.addObject();
            r.put("epoch", e.epoch());
            SafeJson.putNumber(r, "loss", e.loss());
            SafeJson.putNumber(r, "accuracy", e.accuracy());
            SafeJson.putNumber(r, "val_loss", e.valLoss());
            SafeJson.putNumber(r, "val_accuracy", e.valAccuracy());
            SafeJson.putNumber(r, "seconds", e.seconds());
        }
        return a;
    }

    private static void putInt(ObjectNode o, String field, Integer value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
