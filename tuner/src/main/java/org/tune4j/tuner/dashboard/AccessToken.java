package org.tune4j.tuner.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The optional shared secret of a dashboard ({@code --token}): when set, every request must carry
 * it, as the query parameter {@code token} or the header {@code X-Tune4j-Token}. The comparison
 * takes the same time whatever the guess (both sides are hashed to SHA-256, then compared with
 * {@link MessageDigest#isEqual}, which looks at every byte), so a wrong guess says nothing about
 * how close it was.
 */
final class AccessToken {
    static final String QUERY_PARAMETER = "token";
    static final String HEADER = "X-Tune4j-Token";

    private final byte[] expectedDigest;               // null: no token required

    private AccessToken(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    /** No token: every request is let in. */
    static AccessToken none() {
        return new AccessToken(null);
    }

    /** Requests must carry {@code secret} (non-blank). */
    static AccessToken of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("--token: expected a non-blank secret, found '" + secret + "'");
        }
        return new AccessToken(digest(secret));
    }

    boolean required() {
        return expectedDigest != null;
    }

    /** True when no token is required, or {@code header} or {@code query} is the token. */
    boolean admits(String header, String query) {
        if (expectedDigest == null) {
            return true;
        }
        boolean byHeader = header != null && MessageDigest.isEqual(expectedDigest, digest(header));
        boolean byQuery = query != null && MessageDigest.isEqual(expectedDigest, digest(query));
        return byHeader | byQuery;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
