package org.tune4j.tuner.storage.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.Json;
import org.tune4j.tuner.storage.SpaceFile;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyFile;

/**
 * The study rows ({@code tune4j_study}): a worker creates its study or joins it when the kind, the
 * space and the configuration (but for each worker's own fields, such as its threads) are the
 * same, and is refused naming the first difference otherwise; {@code report}, {@code evaluate} and
 * {@code copy} read a study's description. One transaction each. The trials are {@link PgStudy}'s.
 */
public final class PgStudies {
    private PgStudies() {
    }

    /**
     * Creates the study, or joins it when it exists with the same kind, space and configuration;
     * refuses (naming the difference) one that exists with others.
     */
    public static StudyDescription openOrCreate(PgDatabase db, String name, String kind, JsonNode config, Space space,
                                                int calls) {
        return openOrCreate(db, name, kind, config, Set.of(), space, calls);
    }

    /**
     * As above; the configuration's fields named in {@code perWorker} (how a worker runs, such as
     * its threads) may differ between workers and are not compared. The first worker's are recorded.
     */
    public static StudyDescription openOrCreate(PgDatabase db, String name, String kind, JsonNode config,
                                                Set<String> perWorker, Space space, int calls) {
        String spaceJson = Json.line(SpaceFile.toJson(space));
        String configJson = Json.line(config);
        String[] found = db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tune4j_study (name, kind, config, space, "
                    + "calls) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, kind);
                insert.setString(3, configJson);
                insert.setString(4, spaceJson);
                insert.setInt(5, calls);
                insert.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement("SELECT kind, config, space, " + PgImport.CREATED + " FROM tune4j_study "
                    + "WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)};
                }
            }
        });
        String where = "study \"" + name + "\" in " + db.url();
        if (!found[0].equals(kind)) {
            throw new IllegalArgumentException(where + " was made by \"" + found[0] + "\", not \"" + kind
                    + "\"; choose another --name");
        }
        Space recorded = SpaceFile.fromJson(PgStudy.read(found[2]), where + " space");
        if (!recorded.equals(space)) {
            throw new IllegalArgumentException(where + " exists with another search space (" + found[2] + "; given: "
                    + spaceJson + "); a study cannot change its space: choose another --name");
        }
        String difference = firstDifference(PgStudy.read(found[1]), PgStudy.read(configJson), perWorker);  // both parsed: same types
        if (difference != null) {
            throw new IllegalArgumentException(where + " exists with another configuration: " + difference
                    + "; give the same options on every worker, or choose another --name");
        }
        return new StudyDescription(StudyFile.FORMAT, kind, found[3], PgStudy.read(found[1]), recorded);
    }

    /** The description of an existing study (for {@code report}); one line when there is none of that name. */
    public static StudyDescription describe(PgDatabase db, String name) {
        String[] found = db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT kind, config, space, " + PgImport.CREATED + " FROM tune4j_study "
                    + "WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)}
                            : null;
                }
            }
        });
        if (found == null) {
            throw new IllegalArgumentException("--name: no study \"" + name + "\" in " + db.url());
        }
        Space space = SpaceFile.fromJson(PgStudy.read(found[2]), "study \"" + name + "\" space");
        return new StudyDescription(StudyFile.FORMAT, found[0], found[3], PgStudy.read(found[1]), space);
    }

    /** The first top-level field whose value differs, as {@code field "x": recorded A, given B}; null when equal. */
    static String firstDifference(JsonNode recorded, JsonNode given) {
        return firstDifference(recorded, given, Set.of());
    }

    /** As above, leaving out the fields named in {@code ignored}. */
    static String firstDifference(JsonNode recorded, JsonNode given, Set<String> ignored) {
        Iterator<String> names = given.fieldNames();
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        recorded.fieldNames().forEachRemaining(n -> {
            if (!all.contains(n)) {
                all.add(n);
            }
        });
        all.removeAll(ignored);
        for (String field : all) {
            JsonNode a = recorded.get(field);
            JsonNode b = given.get(field);
            if (!Objects.equals(a, b)) {
                return "field \"" + field + "\": recorded " + a + ", given " + b;
            }
        }
        return null;
    }
}
