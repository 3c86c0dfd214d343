package org.tune4j.tuner.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files the pages load, read from the class path once at start-up: the dashboard's own pages,
 * script and style (resources beside this class), and uPlot 1.6.30 (Leeoniya's MIT-licensed charts,
 * from the WebJar {@code org.webjars.npm:uplot}, a build-time dependency). Nothing is fetched from
 * the network at run time.
 *
 * <p>uPlot's two files are checked against the SHA-256 recorded here (computed from the WebJar
 * when it was added; npm's tarball of uplot@1.6.30 holds the same {@code dist/} files): a jar
 * that differs stops the dashboard at start-up with the file, the expected and the found digest.
 */
final class Assets {
    static final String UPLOT_VERSION = "1.6.30";
    private static final String UPLOT_DIR = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";
    /** SHA-256 of uPlot's files as served by Maven Central's org.webjars.npm:uplot:1.6.30. */
    static final Map<String, String> UPLOT_SHA256 = Map.of(
            "uPlot.iife.min.js", "7f29cd14e36d84141ab49c5e0a806d88e4d855596a9bc0e10799bc2c114b4c4f",
            "uPlot.min.css", "df630c6a8d6f8eeaff264b50f73ce5b114f646ffd9a0bb74f049b0a00135fa04");
    private static final String OWN_DIR = "/org/tune4j/tuner/dashboard/";
    private static final Map<String, String> OWN = Map.of(
            "studies.html", "text/html; charset=utf-8",
            "study.html", "text/html; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "common.js", "text/javascript; charset=utf-8",
            "studies.js", "text/javascript; charset=utf-8",
            "study.js", "text/javascript; charset=utf-8");

    /** A file and its content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();

    private Assets() {
    }

    /** Reads every file and checks uPlot's digests. */
    static Assets load() {
        Assets assets = new Assets();
        for (Map.Entry<String, String> own : OWN.entrySet()) {
            assets.byName.put(own.getKey(), new Asset(read(OWN_DIR + own.getKey()), own.getValue()));
        }
        for (Map.Entry<String, String> uplot : UPLOT_SHA256.entrySet()) {
            String name = uplot.getKey();
            byte[] bytes = read(UPLOT_DIR + name);
            verify(UPLOT_DIR + name, bytes, uplot.getValue());
            assets.byName.put(name, new Asset(bytes, name.endsWith(".css") ? "text/css; charset=utf-8"
                    : "text/javascript; charset=utf-8"));
        }
        return assets;
    }

    /** The file named {@code name} (no directories), if it is one of the dashboard's. */
    Optional<Asset> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Throws when {@code bytes} do not have the SHA-256 {@code expectedHex}. */
    static void verify(String what, byte[] bytes, String expectedHex) {
        String found = sha256(bytes);
        if (!found.equals(expectedHex)) {
            throw new IllegalStateException(what + ": expected SHA-256 " + expectedHex + ", found " + found
                    + "; the bundled chart library is not the one tune4j was built and checked with");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's file " + resource + " is missing from the class path"
                        + (resource.contains("webjars") ? " (the WebJar org.webjars.npm:uplot:" + UPLOT_VERSION
                        + " belongs in lib/)" : ""));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
