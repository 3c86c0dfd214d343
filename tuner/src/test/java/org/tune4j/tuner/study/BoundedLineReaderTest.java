package org.tune4j.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    private static List<BoundedLineReader.Line> all(Reader in, int limit) throws IOException {
        BoundedLineReader r = new BoundedLineReader(in, limit);
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        for (BoundedLineReader.Line l = r.next(); l != null; l = r.next()) {
            lines.add(l);
        }
        return lines;
    }

    @Test
    void splitsAsReadLineDoes() throws IOException {
        assertThat(all(new StringReader("a\nbb\r\n\rc"), 10)).containsExactly(
                new BoundedLineReader.Line("a", false), new BoundedLineReader.Line("bb", false),
                new BoundedLineReader.Line("", false), new BoundedLineReader.Line("c", false));
        assertThat(all(new StringReader(""), 10)).isEmpty();
        assertThat(all(new StringReader("x\n"), 10)).containsExactly(new BoundedLineReader.Line("x", false));
    }

    @Test
    void keepsTheStartOfALongLineAndSaysItWasCut() throws IOException {
        assertThat(all(new StringReader("abcdefgh\n12\n"), 3)).containsExactly(
                new BoundedLineReader.Line("abc", true), new BoundedLineReader.Line("12", false));
    }

    @Test
    void aLineOfGigabytesCostsBoundedMemory() throws IOException {
        long length = 3L << 30; // 3 G characters, more than a String can hold
        Reader endless = new Reader() {
            private long left = length;

            @Override
            public int read(char[] buf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + n, '7');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        List<BoundedLineReader.Line> lines = all(new java.io.BufferedReader(endless, 1 << 16), 5);
        assertThat(lines).containsExactly(new BoundedLineReader.Line("77777", true));
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new BoundedLineReader(new StringReader(""), 0))
                .hasMessage("limit: expected at least 1, found 0");
    }
}
