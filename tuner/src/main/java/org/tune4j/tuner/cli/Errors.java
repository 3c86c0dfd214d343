package org.tune4j.tuner.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads after {@code tune4j: }. */
final class Errors {
    private Errors() {
    }

    static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null && e.getMessage() == null
                ? e.getCause() : e;
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file" + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (t instanceof OutOfMemoryError) {
            return String.format(java.util.Locale.ROOT, "out of memory (%s; this JVM may use at most %,d MB): give "
                    + "it more with TUNE4J_JAVA_OPTS=-Xmx<size>, or ask for less (a smaller network, batch or data set)",
                    t.getMessage() == null ? "no detail" : t.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
        }
        if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return "not valid JSON: " + org.tune4j.tuner.storage.Json.problem(j);  // never Jackson's "Source: REDACTED"
        }
        if (t instanceof StackOverflowError) {
            return "stack overflow: the input nests too deeply to be read (a file with thousands of nested brackets?)";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }

    /** True for exceptions that signal a bug rather than bad input or a broken file. */
    static boolean isBug(Throwable e) {
        return e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException || e instanceof IllegalStateException && e.getMessage() == null;
    }
}
