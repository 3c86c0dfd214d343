/**
 * The command line of tune4j (picocli): {@code train}, {@code evaluate}, {@code predict},
 * {@code tune}, {@code report}, {@code minimize}, {@code ask}, {@code tell} and {@code dashboard}.
 *
 * <p>This is the only place that reads system properties and the environment and the only place
 * where strings become enums, records and the optimizer's extension objects (through the
 * registries). It turns every failure into one line
 * {@code tune4j: <what was wrong>} on stderr (exit 1; usage errors exit 2). It holds no study
 * logic: commands parse, validate and hand over to {@code study} and {@code storage}.
 */
package org.tune4j.tuner.cli;
