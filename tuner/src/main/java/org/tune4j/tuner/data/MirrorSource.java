/*
 * MirrorSource: fetches gzipped IDX files ("<base><name>.gz") over HTTP(S) with the JDK's
 * HttpClient and a short connect timeout, and gunzips them in memory with Commons Compress. It
 * does not verify checksums or cache anything (IdxFetcher does), and it does not retry: the next
 * source is the retry.
 */
package org.tune4j.tuner.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A public mirror serving {@code <name>.gz} under one base URL. */
final class MirrorSource implements FileSource {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

    private final URI base;

    MirrorSource(String base) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
    }

    @Override
    public String description() {
        return base.toString();
    }

    @Override
    public Map<String, byte[]> fetch(List<String> names) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : names) {
            URI uri = base.resolve(name + ".gz");
            out.put(name, gunzip(uri, download(client, uri)));
        }
        return out;
    }

    private static byte[] download(HttpClient client, URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(uri + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException(uri + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? " (host unreachable or unknown)" : " " + e.getMessage()), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + ": expected HTTP 200, found " + response.statusCode());
        }
        return response.body();
    }

    /** The gunzipped bytes of {@code gz}, downloaded from {@code uri}. */
    static byte[] gunzip(URI uri, byte[] gz) throws IOException {
        try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException(uri + ": not valid gzip data (" + e.getMessage() + ")", e);
        }
    }
}
