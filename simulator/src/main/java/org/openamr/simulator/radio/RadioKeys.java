package org.openamr.simulator.radio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeysFile;

/**
 * The keys a receiver needs for a simulation, one meter a line:
 *
 * <pre>
 * &lt;manufacturer&gt; &lt;id&gt; &lt;key, 32 hex digits&gt;
 * DFS 68410001 000102030405060708090A0B0C0D0E0F
 * </pre>
 *
 * No comments and nothing else: the file is the receiver's input. It holds keys, so it is written
 * only where it is asked for. {@link KeysFile#read} is the inverse.
 */
public final class RadioKeys {

    private RadioKeys() {
    }

    public static List<String> lines(List<RadioMeter> meters) {
        List<String> out = new ArrayList<>();
        for (RadioMeter m : meters) {
            out.add(KeysFile.line(m.manufacturer(), m.id(), m.key()));
        }
        return out;
    }

    public static void write(Path file, List<RadioMeter> meters) throws IOException {
        Files.write(file, lines(meters), StandardCharsets.UTF_8);
    }
}
