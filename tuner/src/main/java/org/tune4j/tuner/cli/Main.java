package org.tune4j.tuner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the tune4j application jar. */
@Command(name = "tune4j", mixinStandardHelpOptions = true, version = "tune4j 0.1.0")
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
