/**
 * Datasets for the engine: reading, verifying and splitting labelled images from a directory into
 * {@link org.tune4j.engine.data.LabeledImages} and {@link org.tune4j.engine.data.DataSplits}.
 *
 * <p>What is here: the {@link org.tune4j.engine.data.Dataset} extension point and {@code Datasets}
 * (a registered name or a directory to a dataset), {@link org.tune4j.engine.data.IdxReader} (raw or
 * gzipped IDX files, fully validated), {@code IdxDataset} (four IDX files, SHA-256 verified, the
 * tutorial's split), {@code MnistFormat} (the file names MNIST-format datasets share),
 * {@code ImageFolder} (one sub-folder per class of PNG/JPEG files), {@code Checksums}.
 *
 * <p>What is not: no downloading or archive reading (the named datasets that fetch, MNIST and
 * Fashion-MNIST, live in the tuner), no augmentation, no batching or shuffling for training (the trainer does that),
 * no reading of environment variables or global settings (every cache directory is a parameter),
 * no full datasets in the repository (only the small fixtures under {@code data/fixtures/}).
 * Every failure is a {@link org.tune4j.engine.data.DataFileException} naming the file and what
 * was expected versus found.
 */
package org.tune4j.engine.data;
