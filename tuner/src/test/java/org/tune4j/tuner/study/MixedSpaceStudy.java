package org.tune4j.tuner.study;

import org.tune4j.optimizer.OptimizerConfig;
import org.tune4j.optimizer.space.Space;
import org.tune4j.tuner.storage.SpaceFile;

/**
 * The small study the loop tests share: one real, one integer and one categorical dimension, and
 * a cheap optimizer configuration (3 initial points, 300 candidates, seed 7), so that
 * {@link PostgresStudyLoopTest} can compare a database worker with {@link StudyLoopTest}'s loop.
 */
final class MixedSpaceStudy {
    static final Space SPACE = SpaceFile.parse("""
            {"x": {"type": "real", "low": 0, "high": 1},
             "n": {"type": "integer", "low": 0, "high": 3},
             "c": {"type": "categorical", "categories": ["a", "b"]}}
            """, "test space");
    static final OptimizerConfig OPTIMIZER = OptimizerConfig.defaults().withInitialPoints(3)
            .withCandidates(300).withRefineFrom(1).withSeed(7);

    private MixedSpaceStudy() {
    }
}
