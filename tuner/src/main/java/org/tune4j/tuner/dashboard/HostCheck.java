package org.tune4j.tuner.dashboard;

import java.util.Locale;

/**
 * The defence against DNS rebinding for a dashboard that listens on this machine only: a web page
 * from elsewhere can point its own host name at 127.0.0.1 and have the browser fetch the
 * dashboard's JSON as if it were its own, but the request still names that host in its
 * {@code Host} header. So on a loopback address only requests addressed to {@code localhost},
 * {@code 127.x.x.x} or {@code [::1]} are answered. On another {@code --bind} the names people use
 * cannot be known, and every host is accepted ({@code --token} is the guard there).
 */
final class HostCheck {
    private final boolean loopbackOnly;

    private HostCheck(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    /** Accepts requests addressed to this machine by a loopback name only. */
    static HostCheck loopback() {
        return new HostCheck(true);
    }

    /** Accepts any Host header. */
    static HostCheck any() {
        return new HostCheck(false);
    }

    /** True when {@code hostHeader} (e.g. {@code localhost:8080}) may be answered. */
    boolean admits(String hostHeader) {
        if (!loopbackOnly) {
            return true;
        }
        if (hostHeader == null) {
            return false;
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = h.substring(0, close + 1);
        } else {
            int colon = h.indexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
        }
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
