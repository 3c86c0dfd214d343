package org.tune4j.tuner.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tune4j.tuner.storage.Json;

/**
 * Follows a study's {@code journal.jsonl} as it grows: each {@link #refresh()} reads only the bytes
 * appended since the last one, and only whole lines (a line still being written, without its
 * newline, waits for the next refresh). So a study of thousands of trials is parsed once, and a
 * poll every two seconds costs a {@code size()} call when nothing changed.
 *
 * <p>A journal that shrank (rewritten or replaced) is read again from the start. A line that is
 * not JSON stops the reading there, with a note, and is retried at the next refresh: the study
 * cuts a damaged last line off before appending (see {@code storage.Journal}), so the note goes
 * away by itself unless the journal is damaged in the middle. A trial finished twice is shown once.
 *
 * <p>Thread-safe: refreshes are serialized.
 */
final class JournalTail {
    private final Path file;
    private long offset;
    private int lineNo;
    private final List<TrialView> finished = new ArrayList<>();
    private final Set<Integer> numbers = new HashSet<>();
    private final Set<Integer> asked = new TreeSet<>();
    private String problem;

    JournalTail(Path file) {
        this.file = file;
    }

    /** What the journal holds now. */
    record Contents(List<TrialView> finished, Set<Integer> pending, long bytes, String problem) {
    }

    /** Reads what was appended since the last call and returns the journal's contents. */
    synchronized Contents refresh() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < offset) {
                reset();
            }
            if (size > offset) {
                ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(size - offset));
                while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                    // read up to the size seen above; bytes appended meanwhile wait for the next refresh
                }
                consume(buf.array(), buf.position());
            }
        } catch (NoSuchFileException e) {
            reset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
        Set<Integer> pending = new TreeSet<>(asked);
        pending.removeAll(numbers);
        return new Contents(List.copyOf(finished), pending, offset, problem);
    }

    private void consume(byte[] bytes, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            if (!line.isBlank() && !apply(line)) {
                return;                       // a damaged line: keep the offset before it and retry later
            }
            lineNo++;
            offset += i + 1 - start;
            start = i + 1;
            problem = null;
        }
    }

    private boolean apply(String line) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            problem = "journal line " + (lineNo + 1) + " is not valid JSON (" + e.getOriginalMessage()
                    + "); the trials after it are not shown until it is repaired or cut off";
            return false;
        }
        JournalLines.finishedTrial(node).ifPresent(t -> {
            if (numbers.add(t.number())) {
                finished.add(t);
            }
        });
        JournalLines.askedNumber(node).ifPresent(asked::add);
        return true;
    }

    private void reset() {
        offset = 0;
        lineNo = 0;
        finished.clear();
        numbers.clear();
        asked.clear();
        problem = null;
    }
}
