package org.openamr.mbus.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makers' names for their FLAG codes ({@code DFS} → Danfoss), so that people read names and not codes. The list is
 * data ({@code manufacturers.txt} beside this class): the makers of heat and water meters in apartment buildings,
 * from the FLAG association's register as published by the DLMS User Association; a code missing from it is shown
 * as the code.
 */
public final class ManufacturerNames {

    private static final Map<String, String> NAMES = load();

    private ManufacturerNames() {
    }

    public static Optional<String> of(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(NAMES.get(code));
    }

    /** The maker's name, else the code itself, else empty text. */
    public static String shown(String code) {
        return code == null ? "" : NAMES.getOrDefault(code, code);
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = ManufacturerNames.class.getResourceAsStream("manufacturers.txt")) {
            if (in == null) {
                throw new IllegalStateException("manufacturers.txt is missing beside ManufacturerNames");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                if (parts.length != 2 || !parts[0].matches("[A-Z@]{3}")) {
                    throw new IllegalStateException("manufacturers.txt: '" + line + "' is not 'CODE Name'");
                }
                out.put(parts[0], parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
