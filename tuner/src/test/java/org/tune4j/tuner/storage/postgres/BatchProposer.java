package org.tune4j.tuner.storage.postgres;

import java.util.List;
import java.util.Map;
import org.tune4j.tuner.storage.TrialRecord;

/** A test proposer given by its batches (a lambda): a single proposal is the first point of a batch of one. */
@FunctionalInterface
interface BatchProposer extends PgStudy.Proposer {

    @Override
    List<Map<String, Object>> proposeBatch(List<TrialRecord> finished, List<Map<String, Object>> pending, int k);

    @Override
    default Map<String, Object> propose(List<TrialRecord> finished, List<Map<String, Object>> pending) {
        return proposeBatch(finished, pending, 1).get(0);
    }
}
