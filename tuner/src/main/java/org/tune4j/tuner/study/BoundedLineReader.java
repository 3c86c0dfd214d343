package org.tune4j.tuner.study;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r} ended) keeping at most {@code limit}
 * characters of each: the rest of an overlong line is read and dropped, so a command that prints a
 * line of gigabytes costs bounded memory. Not thread-safe; one reader per stream.
 */
final class BoundedLineReader {
    /** One line: its first characters, and whether characters were dropped. */
    record Line(String text, boolean truncated) {
    }

    private final Reader in;
    private final int limit;
    private final char[] chunk = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int end;
    private boolean skipLineFeed; // the last line ended with \r: a \n right after it belongs to it

    /** @param limit characters kept per line (>= 1) */
    BoundedLineReader(Reader in, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: expected at least 1, found " + limit);
        }
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        line.setLength(0);
        boolean truncated = false;
        boolean any = false;
        while (fill()) {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (chunk[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && chunk[pos] != '\n' && chunk[pos] != '\r') {
                pos++;
            }
            int keep = Math.min(pos - start, limit - line.length());
            line.append(chunk, start, keep);
            truncated |= keep < pos - start;
            if (pos < end) {
                skipLineFeed = chunk[pos] == '\r';
                pos++;
                return new Line(line.toString(), truncated);
            }
        }
        return any ? new Line(line.toString(), truncated) : null;
    }

    /** Whether a character is ready at {@code pos}, reading the next chunk when needed. */
    private boolean fill() throws IOException {
        while (pos == end) {
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                return false;
            }
            pos = 0;
            end = n;
        }
        return true;
    }
}
