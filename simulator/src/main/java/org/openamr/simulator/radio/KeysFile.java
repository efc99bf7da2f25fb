package org.openamr.simulator.radio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;

/**
 * The keys a receiver needs for a simulation, one meter a line:
 *
 * <pre>
 * &lt;manufacturer&gt; &lt;id&gt; &lt;key, 32 hex digits&gt;
 * DFS 68410001 000102030405060708090A0B0C0D0E0F
 * </pre>
 *
 * No comments and nothing else: the file is the receiver's input. It holds keys, so it is written
 * only where it is asked for. {@link #read} is the inverse, for tests and tools.
 */
public final class KeysFile {

    private KeysFile() {
    }

    public static List<String> lines(List<RadioMeter> meters) {
        List<String> out = new ArrayList<>();
        for (RadioMeter m : meters) {
            out.add(m.manufacturer() + " " + m.id() + " " + HexFormat.of().withUpperCase().formatHex(m.key().bytes()));
        }
        return out;
    }

    public static void write(Path file, List<RadioMeter> meters) throws IOException {
        Files.write(file, lines(meters), StandardCharsets.UTF_8);
    }

    /**
     * The keys of a keys file, each for its meter.
     *
     * @throws IllegalArgumentException naming the file and line that is no {@code <manufacturer> <id> <key>}
     *                                  (never quoting a key)
     */
    public static KeyStore read(Path file) throws IOException {
        KeyStore keys = KeyStore.empty();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split("\\s+");
            try {
                if (f.length != 3 || !f[0].matches("[A-Za-z]{3}") || !f[1].matches("[0-9A-Fa-f]{8}")) {
                    throw new IllegalArgumentException("expected '<manufacturer, 3 letters> <id, 8 digits> <key>'");
                }
                keys = keys.withMeterKey(f[0], f[1], AesKey.parse(f[2]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }
}
