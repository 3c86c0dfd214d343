package org.tune4j.tuner.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The append-only journal of a study ({@code journal.jsonl}): one JSON object per line,
 * each line written whole and forced to disk before the study goes on, so that a run killed at
 * any moment loses at most the trial in flight.
 *
 * <p>Two kinds of line: {@code {"event":"asked","number":N,"params":{...},"asked_at":"<ISO-8601>"}} for a trial handed
 * out by {@code tune4j ask} and not yet told, and {@code {"event":"finished","trial":{...}}}
 * with a {@link TrialRecord}. A last line cut short by a crash (no newline, or not JSON) is
 * reported as a warning and ignored, and the next append cuts it off first (so the journal never
 * holds it in the middle); a damaged line anywhere else is an error naming the file and line.
 */
public final class Journal {
    private final Path file;

    public Journal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Reads the journal (a missing file is an empty journal); warnings go to {@code warn}. */
    public JournalContents read(Consumer<String> warn) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return JournalContents.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // split leaves the text after the last newline as the final element ("" when complete)
        List<TrialRecord> finished = new ArrayList<>();
        Map<Integer, PendingTrial> pending = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (line.isBlank()) {
                continue;
            }
            if (last) {
                warn.accept("journal " + file + ": ignoring the last line " + (i + 1)
                        + ", cut short (no newline; the run was probably killed while writing it)");
                break;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                if (i == lines.length - 2) {
                    warn.accept("journal " + file + ": ignoring the last line " + (i + 1)
                            + ", not valid JSON (cut short by a crash?)");
                    break;
                }
                throw new IllegalStateException("journal " + file + " line " + (i + 1) + ": not valid JSON ("
                        + e.getOriginalMessage() + "); the journal is damaged in the middle, not just at its end");
            }
            apply(node, i + 1, finished, pending);
        }
        return new JournalContents(finished, pending);
    }

    private void apply(JsonNode node, int lineNo, List<TrialRecord> finished, Map<Integer, PendingTrial> pending) {
        String where = "journal " + file + " line " + lineNo;
        String event = node.path("event").asText("");
        try {
            switch (event) {
                case "asked" -> {
                    int number = node.required("number").asInt();
                    Map<String, Object> params = Json.mapper().convertValue(node.required("params"),
                            new TypeReference<LinkedHashMap<String, Object>>() { });
                    Instant askedAt = Instant.parse(node.required("asked_at").asText());
                    pending.put(number, new PendingTrial(params, askedAt));
                }
                case "finished" -> {
                    TrialRecord trial = Json.mapper().treeToValue(node.required("trial"), TrialRecord.class);
                    for (TrialRecord t : finished) {
                        if (t.number() == trial.number()) {
                            throw new IllegalStateException(where + ": trial " + trial.number() + " is finished twice");
                        }
                    }
                    finished.add(trial);
                    pending.remove(trial.number());
                }
                default -> throw new IllegalStateException(where + ": expected \"event\" to be \"asked\" or \"finished\", found \""
                        + event + "\"");
            }
        } catch (JsonProcessingException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    /** Records that trial {@code number} was handed out with {@code params} at {@code askedAt}. */
    public void appendAsked(int number, Map<String, Object> params, Instant askedAt) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("event", "asked");
        node.put("number", number);
        node.set("params", Json.mapper().valueToTree(params));
        node.put("asked_at", askedAt.toString());
        append(Json.line(node));
    }

    /** Records a finished trial. */
    public void appendFinished(TrialRecord trial) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("event", "finished");
        node.set("trial", Json.mapper().valueToTree(trial));
        append(Json.line(node));
    }

    private void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean created = !Files.exists(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long end = withoutDamagedLastLine(ch, completeLength(ch));
                ch.truncate(end);
                ch.position(end);
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (created) {
                AtomicFiles.syncDirectory(dir);
            }
        } catch (IOException e) {
            throw new StorageException("cannot append to journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code end}, or the start of the journal's last line when that line is not JSON: the line
     * {@link #read} ignores with a warning is cut off before anything is appended after it.
     */
    private static long withoutDamagedLastLine(FileChannel ch, long end) throws IOException {
        if (end == 0) {
            return 0;
        }
        long start = lineStart(ch, end - 1);
        ByteBuffer line = ByteBuffer.allocate(Math.toIntExact(end - 1 - start));
        while (line.hasRemaining() && ch.read(line, start + line.position()) > 0) {
            // read the whole line
        }
        String text = new String(line.array(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return end;
        }
        try {
            Json.mapper().readTree(text);
            return end;
        } catch (JsonProcessingException damaged) {
            return start;
        }
    }

    /** The position just after the newline before {@code pos} (0 when there is none). */
    private static long lineStart(FileChannel ch, long pos) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long p = pos - 1; p >= 0; p--) {
            one.clear();
            ch.read(one, p);
            if (one.get(0) == '\n') {
                return p + 1;
            }
        }
        return 0;
    }

    /** Length of the journal up to and including its last newline: a torn tail is cut off. */
    private static long completeLength(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long pos = size - 1; pos >= 0; pos--) {
            one.clear();
            ch.read(one, pos);
            if (one.get(0) == '\n') {
                return pos + 1;
            }
        }
        return 0;
    }
}
