package org.tune4j.tuner.dashboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's path as a list of decoded segments, or nothing (a 404) when it could reach outside
 * the served studies: each segment is percent-decoded once, as UTF-8, and refused when it decodes
 * to {@code .}, {@code ..}, or holds a {@code /}, a {@code \}, a NUL, or a malformed escape; an
 * empty segment ({@code //}, an absolute path smuggled in as {@code /%2fetc}) is refused too. A
 * double-encoded {@code %252e%252e} decodes to the text {@code %2e%2e}, which names no study.
 * The segments are then only ever looked up in tables (study ids, asset and plot names), never
 * resolved as file paths.
 */
final class RequestPath {
    private RequestPath() {
    }

    /** The decoded segments of {@code rawPath} ({@code "/"} gives none), or empty when it is refused. */
    static Optional<List<String>> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        if (rawPath.equals("/")) {
            return Optional.of(out);
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty() && i == raw.length - 1 && i > 0) {
                break;                                  // one trailing slash: /study/x/
            }
            Optional<String> decoded = decode(raw[i]);
            if (decoded.isEmpty() || !acceptable(decoded.get())) {
                return Optional.empty();
            }
            out.add(decoded.get());
        }
        return Optional.of(out);
    }

    private static boolean acceptable(String segment) {
        return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..")
                && segment.indexOf('/') < 0 && segment.indexOf('\\') < 0 && segment.indexOf('\0') < 0;
    }

    /** Percent-decodes once (a {@code +} stays a plus, as in paths); empty for a bad escape or bad UTF-8. */
    static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = segment.indexOf('%', i);
                end = end < 0 ? segment.length() : end;
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
