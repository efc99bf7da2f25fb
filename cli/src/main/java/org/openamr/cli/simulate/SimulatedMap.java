package org.openamr.cli.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.map.RegisterMaps;

/**
 * The register map {@code openamr simulate modbus --map} names: a map file's path, or a built-in
 * map by the name its {@code map} line gives or by its file name without {@code .map}
 * ({@code danfoss-sonometer}).
 */
final class SimulatedMap {

    private SimulatedMap() {
    }

    /** @throws IllegalArgumentException naming the map and what is wrong, or the built-in maps */
    static RegisterMap resolve(String map) {
        Path file = Path.of(map);
        if (map.endsWith(".map") || Files.isRegularFile(file)) {
            try {
                return RegisterMapParser.parse(map, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("--map: cannot read the map file " + map + (Files.exists(file) ? ": "
                        + e.getMessage() : ": no such file"), e);
            }
        }
        String wanted = map.strip().toLowerCase(Locale.ROOT);
        RegisterMaps builtIn = RegisterMaps.builtIn();
        return builtIn.all().stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).equals(wanted) || stem(m).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--map: no register map '" + map + "'; give a .map file"
                        + " or one of the built-in maps: " + builtIn.all().stream()
                        .map(m -> stem(m) + " (" + m.name() + ")").collect(Collectors.joining(", "))));
    }

    /** A built-in map's file name without {@code .map}. */
    static String stem(RegisterMap m) {
        String name = Path.of(m.source()).getFileName().toString();
        return (name.endsWith(".map") ? name.substring(0, name.length() - 4) : name).toLowerCase(Locale.ROOT);
    }
}
