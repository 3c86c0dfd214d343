package org.tune4j.engine.train;

import java.util.List;

/** The per-epoch record of one {@link Trainer#fit} call, in epoch order. */
public record History(List<EpochStats> epochs) {

    public History {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's statistics; fails for an empty history. */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("history has no epochs");
        }
        return epochs.get(epochs.size() - 1);
    }
}
