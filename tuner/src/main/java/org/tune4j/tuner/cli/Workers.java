package org.tune4j.tuner.cli;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.tuner.study.StudyLoop;

/**
 * {@code --workers K}: runs K workers of one shared study in this process, the first on the
 * calling thread and the others on threads of their own, and waits for all of them. Each worker
 * is a {@link StudyLoop} on a {@link org.tune4j.tuner.study.PostgresStorage} of its own connection, and hands
 * its running trial back on Ctrl-C.
 */
final class Workers {
    private Workers() {
    }

    /** Runs the workers; returns the first one's outcome (the study's finished trials); rethrows the first failure. */
    static StudyLoop.Outcome runAll(List<StudyLoop> workers) {
        List<Thread> threads = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        for (int k = 1; k < workers.size(); k++) {
            StudyLoop w = workers.get(k);
            Thread t = new Thread(() -> {
                try {
                    w.run();
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = failure[0] == null ? e : failure[0];
                    }
                }
            }, "tune4j-worker-" + (k + 1));
            t.start();
            threads.add(t);
        }
        StudyLoop.Outcome outcome = workers.get(0).run();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return outcome;
    }
}
