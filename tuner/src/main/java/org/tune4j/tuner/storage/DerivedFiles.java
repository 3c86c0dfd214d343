package org.tune4j.tuner.storage;

import java.util.List;
import org.tune4j.optimizer.ExpectedMinimum;

/**
 * Rewrites the derived files of a run ({@code results.json} and {@code trials.csv}) from the
 * study description and its finished trials. The journal stays the source of truth: both files
 * can always be rebuilt from it.
 */
public final class DerivedFiles {
    private DerivedFiles() {
    }

    /**
     * Writes both files atomically.
     *
     * @param expectedMinimum the surrogate's expected minimum, or null
     * @param test            the best model's test figures, or null
     */
    public static ResultsDocument write(RunLayout dir, StudyDescription study, List<TrialRecord> trials,
                                        ExpectedMinimum expectedMinimum,
                                        ResultsDocument.TestResult test) {
        ResultsDocument doc = new ResultsDocument(StudyFile.FORMAT, study.kind(), study.config(),
                SpaceFile.toJson(study.space()), trials, ResultsDocument.bestOf(trials), expectedMinimum, test);
        ResultsFile.write(dir.results(), doc);
        TrialsCsv.write(dir.trialsCsv(), study.space().names(), trials);
        return doc;
    }
}
