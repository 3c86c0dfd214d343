package org.tune4j.tuner.storage;

/** Quoting of one CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
final class Csv {
    private Csv() {
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
