package org.openamr.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals secrets the server must be able to use again (meter AES keys) with AES-256-GCM under the
 * server's own key: {@code openamr.secret-key} (base64, 32 bytes) when set — e.g. from a vault in
 * production — else a key file {@code secret.key} in the data directory, made on first use and
 * readable by its owner only. A database dump alone then reveals no meter key.
 */
@Component
public class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public SecretBox(@Value("${openamr.secret-key:}") String configured, @Value("${openamr.data-dir}") Path dataDir) {
        this.key = new SecretKeySpec(configured.isBlank() ? keyFile(dataDir.resolve("secret.key"))
                : decode(configured), "AES");
    }

    public byte[] seal(byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(secret);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the box was sealed under another server key or altered */
    public byte[] open(byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open with this server's key (another "
                    + "secret.key, or the data was altered)");
        }
    }

    private static byte[] decode(String base64) {
        byte[] k = Base64.getDecoder().decode(base64.trim());
        if (k.length != 32) {
            throw new IllegalArgumentException("openamr.secret-key must be 32 bytes in base64, was " + k.length + " bytes");
        }
        return k;
    }

    private byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] k = new byte[32];
            random.nextBytes(k);
            Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the user profile's permissions
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(k));
            try {
                // a link fails if the file exists: of two servers starting at once, one key wins
                Files.createLink(file, tmp);
            } catch (java.nio.file.FileAlreadyExistsException other) {
                return decode(Files.readString(file));
            } finally {
                Files.deleteIfExists(tmp);
            }
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server key " + file + ": " + e.getMessage(), e);
        }
    }
}
