package org.tune4j.tuner.storage;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a journal holds once read: the finished trials in the order they were told, and the
 * trials asked for but not yet told (by number, ascending).
 */
public record JournalContents(List<TrialRecord> finished, Map<Integer, PendingTrial> pending) {

    public JournalContents {
        finished = List.copyOf(finished);
        pending = Collections.unmodifiableMap(new TreeMap<>(pending));
    }

    /** An empty journal. */
    public static JournalContents empty() {
        return new JournalContents(List.of(), Map.of());
    }

    /** The finished trial with this number, if any. */
    public Optional<TrialRecord> finishedTrial(int number) {
        return finished.stream().filter(t -> t.number() == number).findFirst();
    }

    /** The highest trial number used so far (asked or finished), 0 when none. */
    public int lastNumber() {
        int last = 0;
        for (TrialRecord t : finished) {
            last = Math.max(last, t.number());
        }
        for (int n : pending.keySet()) {
            last = Math.max(last, n);
        }
        return last;
    }
}
