package org.tune4j.tuner.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's JSON output: Jackson's escaping of strings plus {@code <}, {@code >}, {@code &},
 * {@code '} and the line separators U+2028/U+2029 as {@code \}{@code uXXXX}, so that a value from a
 * study (a parameter named {@code </script><script>...}) stays inert even if a browser sniffed the
 * response as HTML or a page ever embedded it in a script (the OWASP rule for JSON in HTML). The
 * pages insert every value as text ({@code textContent}), never as markup.
 */
final class SafeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(
            new JsonFactory().setCharacterEscapes(new HtmlSafeEscapes()));

    private SafeJson() {
    }

    /** A new empty object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code node} as UTF-8 JSON bytes. */
    static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Puts a number, or null for NaN and infinities (which JSON cannot hold). */
    static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] ascii;

        HtmlSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
