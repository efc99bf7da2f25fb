package org.openamr.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The embedded database's password: generated on first use into a file only its owner may read. */
final class PasswordFile {

    private PasswordFile() {
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            // base64url: no quote, backslash or space, so it is safe in SQL literals and connection strings
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "database", ".tmp");
            try {
                ownerOnly(tmp);
                Files.writeString(tmp, password + "\n");
                // a link fails if the file exists: of two servers starting at once, one password wins
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException other) {
                return read(file);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the database password " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file).trim();
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException(file + " does not hold a database password as OpenAMR writes it"
                    + " (16 or more characters of A-Z a-z 0-9 _ -)");
        }
        return password;
    }

    static Path ownerOnlyDirectory(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder inherits the user profile's permissions
        }
        return directory;
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user profile's permissions
        }
    }
}
