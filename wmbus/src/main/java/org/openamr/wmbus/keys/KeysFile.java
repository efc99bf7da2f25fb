package org.openamr.wmbus.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.openamr.mbus.app.ManufacturerCode;

/**
 * Meter keys from a text file, one meter a line: {@code <manufacturer> <id> <key>}, e.g.
 * {@code DFS 41494068 000102030405060708090A0B0C0D0E0F} — three letters, the 8-digit identification
 * number as printed on the meter, 32 hex digits. Blank lines and lines starting with {@code #} are
 * skipped. An error names the file and line, never a key.
 */
public final class KeysFile {

    private KeysFile() {
    }

    /** A file's line for one meter's key: what {@link #read} takes back. */
    public static String line(String manufacturer, String id, AesKey key) {
        return manufacturer + " " + id + " " + HexFormat.of().withUpperCase().formatHex(key.bytes());
    }

    /** The keys of the file added to {@code base}. */
    public static KeyStore read(Path file, KeyStore base) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "keys file " + file + " does not exist");
        }
        KeyStore keys = base;
        int n = 0;
        for (String line : lines) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String where = "keys file " + file + " line " + n + ": ";
            String[] f = t.split("\\s+");
            if (f.length != 3) {
                throw new IllegalArgumentException(where + "expected '<manufacturer> <id> <32 hex digit key>', found "
                        + f.length + " fields");
            }
            String manufacturer = f[0].toUpperCase(Locale.ROOT);
            if (!manufacturer.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException(where + "manufacturer '" + f[0] + "' is not three letters such as DFS");
            }
            ManufacturerCode.encode(manufacturer);
            if (!f[1].matches("[0-9A-Fa-f]{8}")) {
                throw new IllegalArgumentException(where + "identification number '" + f[1] + "' is not 8 digits");
            }
            AesKey key;
            try {
                key = AesKey.parse(f[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            keys = keys.withMeterKey(manufacturer, f[1].toUpperCase(Locale.ROOT), key);
        }
        return keys;
    }
}
