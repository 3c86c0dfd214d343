package org.tune4j.tuner.report;

import org.tune4j.tuner.storage.TrialRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The evaluated points of a study on the plots' axes (see {@link DimensionAxis#axisValue}), in call
 * order, with the row of the best one. Trials whose parameters do not fit the space (a value
 * missing or outside the categories) are left out.
 *
 * @param space   the dimensions, in order
 * @param calls   the call number of each row
 * @param axis    (rows, dimensions): each row's axis values
 * @param bestRow the row of the best complete trial, or -1 when none completed
 * @param pruned  (rows): whether each row's trial was pruned (drawn with its own marker)
 */
record Samples(List<DimensionAxis> space, int[] calls, double[][] axis, int bestRow, boolean[] pruned) {

    static Samples of(StudyResults results) {
        List<TrialRecord> trials = new ArrayList<>(results.trials());
        trials.sort(Comparator.comparingInt(TrialRecord::number));
        List<DimensionAxis> space = results.axes();
        List<double[]> rows = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        List<Boolean> pruned = new ArrayList<>();
        int bestRow = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (TrialRecord t : trials) {
            double[] row = toAxis(space, t);
            if (row == null) {
                continue;
            }
            if (t.isComplete() && t.valueOrNaN() < bestValue) {
                bestValue = t.valueOrNaN();
                bestRow = rows.size();
            }
            rows.add(row);
            calls.add(t.number());
            pruned.add(t.isPruned());
        }
        boolean[] prunedRows = new boolean[pruned.size()];
        for (int r = 0; r < prunedRows.length; r++) {
            prunedRows[r] = pruned.get(r);
        }
        return new Samples(space, calls.stream().mapToInt(Integer::intValue).toArray(),
                rows.toArray(new double[0][]), bestRow, prunedRows);
    }

    private static double[] toAxis(List<DimensionAxis> space, TrialRecord t) {
        double[] row = new double[space.size()];
        for (int d = 0; d < space.size(); d++) {
            Object value = t.params().get(space.get(d).name());
            if (value == null) {
                return null;
            }
            try {
                row[d] = space.get(d).axisValue(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return row;
    }

    int size() {
        return axis.length;
    }

    /** Column {@code d}: every row's value of dimension d. */
    double[] column(int d) {
        double[] out = new double[axis.length];
        for (int r = 0; r < axis.length; r++) {
            out[r] = axis[r][d];
        }
        return out;
    }

    boolean hasBest() {
        return bestRow >= 0;
    }
}
