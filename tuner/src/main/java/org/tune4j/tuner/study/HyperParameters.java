package org.tune4j.tuner.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of every hyper-parameter of a table for one trial: the one place where a point of
 * the search space becomes a network and its training ({@link #plan}). A name the space leaves
 * out keeps its default. Values are canonical (Double, Integer, String) and checked by their
 * {@link HyperParameter} when set.
 *
 * @param table  the hyper-parameters ({@link TutorialHyperParameters#TABLE} for the tutorial)
 * @param values a value for every entry of the table, by name, in table order
 */
public record HyperParameters(List<HyperParameter> table, Map<String, Object> values) {

    public HyperParameters {
        table = List.copyOf(table);
        Map<String, Object> checked = new LinkedHashMap<>();
        for (HyperParameter p : table) {
            if (!values.containsKey(p.name())) {
                throw new IllegalArgumentException("hyper-parameter \"" + p.name() + "\": missing value");
            }
            if (checked.put(p.name(), p.valueOf(values.get(p.name()))) != null) {
                throw new IllegalArgumentException("hyper-parameter \"" + p.name() + "\": defined twice in the table");
            }
        }
        if (checked.size() != values.size()) {
            throw new IllegalArgumentException("hyper-parameters: expected values for " + checked.keySet() + ", found "
                    + values.keySet());
        }
        values = Collections.unmodifiableMap(checked);
    }

    /** Every hyper-parameter of {@code table} at its default. */
    public static HyperParameters defaults(List<HyperParameter> table) {
        Map<String, Object> values = new LinkedHashMap<>();
        table.forEach(p -> values.put(p.name(), p.defaultValue()));
        return new HyperParameters(table, values);
    }

    /** The tutorial's default point x0 = [1e-5, 1, 16, relu] with the tutorial's network and this batch size. */
    public static HyperParameters tutorialDefault(int batchSize) {
        return defaults(TutorialHyperParameters.TABLE).with(Map.of(TutorialHyperParameters.BATCH_SIZE, batchSize));
    }

    /** The names of the table, in order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The entry called {@code name}; the error lists the known names. */
    public HyperParameter parameter(String name) {
        for (HyperParameter p : table) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown hyper-parameter \"" + name + "\"; expected one of " + names());
    }

    /** The value of a named hyper-parameter, as it appears in a space (Double, Integer, String). */
    public Object valueOf(String name) {
        return values.get(parameter(name).name());
    }

    /** These values overridden by the named values of a point. */
    public HyperParameters with(Map<String, ?> params) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        for (Map.Entry<String, ?> e : params.entrySet()) {
            changed.put(parameter(e.getKey()).name(), e.getValue());
        }
        return new HyperParameters(table, changed);
    }

    /**
     * The network for images of (channels, height, width) with {@code classes} classes, and its
     * training: every entry of the table applied, in table order, to {@link TrialPlan#before}.
     *
     * @throws IllegalArgumentException when the values make an impossible network (too many conv
     *                                  layers for the images, say), with the reason
     */
    public TrialPlan plan(int channels, int height, int width, int classes) {
        TrialPlan plan = TrialPlan.before(channels, height, width, classes);
        for (HyperParameter p : table) {
            plan = p.apply().apply(plan, values.get(p.name()));
        }
        return plan;
    }

    /**
     * The log directory name, as the original names its TensorBoard directories
     * ({@code lr_1e-05_layers_1_nodes_16_relu}), followed by any other hyper-parameter that
     * {@code searched} names ({@code _kernel_3_conv1_8_conv2_16_batch_64_convs_3}).
     */
    public String logDirName(List<String> searched) {
        StringBuilder sb = new StringBuilder();
        for (HyperParameter p : table) {
            if (p.alwaysLogged() || searched.contains(p.name())) {
                sb.append(sb.length() == 0 ? "" : "_").append(p.logPart(values.get(p.name())));
            }
        }
        return sb.toString();
    }
}
