package org.openamr.collector.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP Basic authentication against the user and password of the configuration file. Both are compared
 * as SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time wherever they differ,
 * and both comparisons always run: the time of an answer tells nothing about the password or the user.
 */
final class BasicAuth {

    private final byte[] user;
    private final byte[] password;

    BasicAuth(String user, String password) {
        this.user = digest(user);
        this.password = digest(password);
    }

    /** @param header the Authorization header, null when there was none */
    boolean accepts(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean u = MessageDigest.isEqual(user, digest(pair.substring(0, colon)));
        boolean p = MessageDigest.isEqual(password, digest(pair.substring(colon + 1)));
        return u & p;
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
