/**
 * Test support for the fuzz tests of the file readers (model files, IDX files): seeded byte-level
 * mutations. Not a fuzzing framework: no coverage feedback, a few hundred mutants per run.
 */
package org.tune4j.engine.fuzz;
