package org.tune4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.tune4j.optimizer.acquisition.AcquisitionFactory;
import org.tune4j.optimizer.acquisition.AcquisitionFunction;
import org.tune4j.optimizer.acquisition.AcquisitionOptimizer.Proposal;
import org.tune4j.optimizer.acquisition.AcquisitionPolicy;
import org.tune4j.optimizer.acquisition.ExpectedImprovement;
import org.tune4j.optimizer.acquisition.GpHedge;
import org.tune4j.optimizer.acquisition.LowerConfidenceBound;
import org.tune4j.optimizer.initial.InitialPointGenerator;
import org.tune4j.optimizer.space.IntegerDimension;
import org.tune4j.optimizer.space.Space;
import org.tune4j.optimizer.surrogate.GaussianProcess;
import org.tune4j.optimizer.surrogate.RandomForest;
import org.tune4j.optimizer.surrogate.SurrogateFactory;

/** The three extension points: what META-INF/services registers, declared parameters, a user's own function. */
class ExtensionPointsTest {

    private static <T> List<T> loaded(Class<T> type) {
        List<T> out = new ArrayList<>();
        ServiceLoader.load(type).forEach(out::add);
        return out;
    }

    @Test
    void theBuiltInsAreRegisteredInOrderWithDescriptions() {
        assertThat(loaded(AcquisitionFactory.class)).extracting(AcquisitionFactory::name)
                .containsExactly("EI", "PI", "LCB", "hedge");
        assertThat(loaded(SurrogateFactory.class)).extracting(SurrogateFactory::name)
                .containsExactly("gp", "forest", "extra-trees", "random");
        assertThat(loaded(InitialPointGenerator.class)).extracting(InitialPointGenerator::name)
                .containsExactly("random", "sobol", "halton", "lhs");
        assertThat(loaded(AcquisitionFactory.class)).allSatisfy(f -> assertThat(f.description()).isNotBlank());
        assertThat(loaded(SurrogateFactory.class)).allSatisfy(f -> assertThat(f.description()).isNotBlank());
        assertThat(loaded(InitialPointGenerator.class)).allSatisfy(g -> assertThat(g.description()).isNotBlank());
    }

    @Test
    void everyRegisteredCombinationMakesAWorkingOptimizer() {
        Space space = new Space(List.of(new IntegerDimension("a", 0, 30), new IntegerDimension("b", 0, 30)));
        for (SurrogateFactory s : loaded(SurrogateFactory.class)) {
            for (AcquisitionFactory a : loaded(AcquisitionFactory.class)) {
                OptimizerConfig config = OptimizerConfig.defaults().withSurrogate(s).withAcquisition(a)
                        .withInitialPoints(2).withCandidates(200);
                Optimizer optimizer = new Optimizer(space, config);
                for (int i = 0; i < 4; i++) {
                    List<Object> x = optimizer.ask();
                    optimizer.tell(x, Math.abs((Integer) x.get(0) - 10) + Math.abs((Integer) x.get(1) - 20));
                }
                assertThat(optimizer.result().trials()).as(s.name() + "+" + a.name()).hasSize(4);
            }
        }
    }

    @Test
    void declaredParametersAreCompletedWithDefaultsAndChecked() {
        OptimizerConfig d = OptimizerConfig.defaults();
        assertThat(d.acquisitionParameters()).containsExactly(Map.entry("xi", 0.01));
        assertThat(d.surrogateParameters()).containsExactly(Map.entry("restarts", 2.0));
        OptimizerConfig hedge = d.withAcquisitionParameter("xi", 0.05).withAcquisition(new GpHedge.Factory());
        assertThat(hedge.acquisitionParameters()).containsExactly(Map.entry("xi", 0.05), Map.entry("kappa", 1.96),
                Map.entry("eta", 1.0)); // xi kept: hedge declares it too
        assertThat(hedge.withAcquisition(new LowerConfidenceBound.Factory()).acquisitionParameters())
                .containsExactly(Map.entry("kappa", 1.96));
        assertThat(d.withSurrogate(new RandomForest.Factory()).surrogateParameters())
                .containsExactly(Map.entry("trees", 100.0), Map.entry("min_leaf", 3.0));

        assertThatThrownBy(() -> d.withAcquisitionParameter("kappa", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acquisition EI has no parameter 'kappa'; its parameters: xi");
        assertThatThrownBy(() -> d.withAcquisitionParameter("xi", -1))
                .hasMessage("acquisition EI, parameter xi: expected a number >= 0, found -1.0");
        assertThatThrownBy(() -> d.withSurrogateParameter("restarts", 1.5))
                .hasMessage("surrogate gp, parameter restarts: expected an integer >= 0, found 1.5");
        assertThatThrownBy(() -> d.withAcquisition(new GpHedge.Factory()).withAcquisitionParameter("eta", 0))
                .hasMessage("acquisition hedge, parameter eta: expected a number > 0, found 0.0");
    }

    @Test
    void aParameterIsCheckedAgainstItsOwnRule() {
        assertThatThrownBy(() -> Parameter.positive("eta", 0, "a rate")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter eta: the default must be a number > 0, found 0.0");
        Parameter trees = Parameter.integerAtLeast("trees", 100, 1, "trees per forest");
        assertThat(trees.check().test(1)).isTrue();
        assertThat(trees.check().test(0)).isFalse();
        assertThat(trees.check().test(2.5)).isFalse();
        assertThat(Parameter.nonNegative("xi", 0.01, "margin").check().test(Double.NaN)).isFalse();
        assertThat(Parameter.resolve("test", List.of(trees), Map.of())).containsExactly(Map.entry("trees", 100.0));
        assertThatThrownBy(() -> Parameter.resolve("test", List.of(), Map.of("trees", 3.0)))
                .hasMessage("test has no parameter 'trees'; its parameters: none");
    }

    @Test
    void equalSettingsAreEqualRecords() {
        assertThat(OptimizerConfig.defaults().withSurrogate(new GaussianProcess.Factory()))
                .isEqualTo(OptimizerConfig.defaults());
        assertThat(OptimizerConfig.defaults().withAcquisitionParameter("xi", 0.01))
                .isEqualTo(OptimizerConfig.defaults());
    }

    /** A library user's own acquisition function, passed as an object: always the largest a, then b. */
    record LargestPoint() implements AcquisitionFactory, AcquisitionFunction {
        @Override
        public String name() {
            return "largest";
        }

        @Override
        public String description() {
            return "a test function";
        }

        @Override
        public AcquisitionPolicy create(Map<String, Double> parameters) {
            return round -> {
                List<Object> x = round.space().pointAt(round.space().cardinality() - 1);
                for (long k = round.space().cardinality() - 1; round.excluded().contains(x); k--) {
                    x = round.space().pointAt(k - 1);
                }
                return Optional.of(new Proposal(x, round.space().toUnit(x), 0));
            };
        }

        @Override
        public double utility(double mean, double std, double best) {
            return 0;
        }

        @Override
        public Sensitivity sensitivity(double mean, double std, double best) {
            return new Sensitivity(0, 0, 0);
        }
    }

    @Test
    void aUsersOwnPolicyIsUsedWithoutEditingTheOptimizer() {
        Space space = new Space(List.of(new IntegerDimension("a", 0, 3), new IntegerDimension("b", 0, 3)));
        Optimizer optimizer = new Optimizer(space, OptimizerConfig.defaults().withAcquisition(new LargestPoint())
                .withInitialPoints(2));
        List<List<Object>> asked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Object> x = optimizer.ask();
            asked.add(x);
            optimizer.tell(x, (Integer) x.get(0) + (Integer) x.get(1));
        }
        assertThat(asked.subList(2, 5)).containsExactly(List.of(3, 3), List.of(3, 2), List.of(3, 1));
    }

    @Test
    void onlyAPolicyWithStateRemembersRounds() {
        AcquisitionPolicy ei = new ExpectedImprovement.Factory().create(Map.of("xi", 0.01));
        assertThat(ei.remembersRounds()).isFalse();
        assertThat(new GpHedge.Factory().create(Map.of("xi", 0.01, "kappa", 1.96, "eta", 1.0)).remembersRounds())
                .isTrue();
    }
}
