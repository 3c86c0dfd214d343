package org.tune4j.tuner.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tune4j.tuner.storage.RunLayout;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.StudyDescription;
import org.tune4j.tuner.storage.StudyFile;

/**
 * Creating a run directory for a new study, and opening one to resume it. Resuming refuses
 * (with the reason) a directory written by another kind of study, another format version, or
 * with another search space: trials of different spaces must never be mixed.
 */
public final class StudyDirectory {
    private StudyDirectory() {
    }

    /** Refuses a directory that already holds a study (checked again by {@link #create}). */
    public static void requireNew(RunLayout dir) {
        if (Files.exists(dir.studyFile())) {
            throw new IllegalArgumentException("run directory " + dir.root() + " already holds a study; continue it with "
                    + "--resume " + dir.root() + " or choose another --name");
        }
    }

    /** Creates {@code dir} with its study.json; refuses a directory that already holds a study. */
    public static StudyDescription create(RunLayout dir, String kind, JsonNode config, Space space) {
        requireNew(dir);
        StudyDescription study = new StudyDescription(StudyFile.FORMAT, kind,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), config, space);
        StudyFile.write(dir.studyFile(), study);
        return study;
    }

    /**
     * Opens an existing study to continue it.
     *
     * @param expectedSpace the space the caller would use (from --space), or null to take the recorded one
     */
    public static StudyDescription open(RunLayout dir, String kind, Space expectedSpace) {
        if (!Files.isDirectory(dir.root())) {
            throw new IllegalArgumentException("run directory " + dir.root() + " does not exist");
        }
        StudyDescription study = StudyFile.read(dir.studyFile());
        if (!study.kind().equals(kind)) {
            throw new IllegalArgumentException(dir.studyFile() + ": this run was made by \"" + study.kind()
                    + "\", not \"" + kind + "\"; it cannot be continued this way");
        }
        if (expectedSpace != null && !expectedSpace.equals(study.space())) {
            throw new IllegalArgumentException("the search space given differs from the one recorded in "
                    + dir.studyFile() + " (" + study.space().names() + "); a study cannot change its space: "
                    + "start a new run instead");
        }
        return study;
    }
}
