package org.tune4j.tuner.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tune4j.engine.train.EpochStats;
import org.tune4j.engine.train.TrainingListener;

/**
 * Shows training on the terminal: a progress bar per epoch on stderr (images done, images/s,
 * ETA), then one line per epoch on stdout with the loss and the validation accuracy.
 */
final class ProgressBarListener implements TrainingListener {
    private final PrintStream out;
    private final PrintStream err;
    private final long imagesPerEpoch;
    private final int epochs;
    private ProgressBar bar;

    ProgressBarListener(PrintStream out, PrintStream err, long imagesPerEpoch, int epochs) {
        this.out = out;
        this.err = err;
        this.imagesPerEpoch = imagesPerEpoch;
        this.epochs = epochs;
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        bar = new ProgressBarBuilder()
                .setTaskName(String.format(Locale.ROOT, "Epoch %d/%d", epoch, epochs))
                .setInitialMax(imagesPerEpoch)
                .setUnit(" img", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setMaxRenderedLength(100)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss, long imagesSoFar) {
        if (bar != null) {
            bar.stepTo(imagesSoFar);
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
        }
    }

    @Override
    public void onEpochEnd(EpochStats s) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.printf(Locale.ROOT, "Epoch %d/%d: loss %.4f, accuracy %.2f%%, val_loss %.4f, val_accuracy %.2f%% "
                        + "(%.1f s, %.0f images/s)%n", s.epoch(), epochs, s.loss(), 100 * s.accuracy(), s.valLoss(),
                100 * s.valAccuracy(), s.seconds(), s.imagesPerSecond());
        out.flush();
    }

    /** Closes a bar left open by a training run that threw. */
    void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
