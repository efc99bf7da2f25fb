package org.openamr.cli.modbus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.map.RegisterMaps;

/**
 * The register map a command line names: a map file's path, or the name of a map in force (the
 * built-in ones and those of {@code --maps DIR}), written as its {@code map} line names it or as its
 * file is named without {@code .map} ({@code danfoss-sonometer}).
 */
public final class MapChoice {

    public static final String DEFAULT = "danfoss-sonometer";

    private MapChoice() {
    }

    /** @throws IllegalArgumentException naming the map and what is wrong, or the maps there are */
    public static RegisterMap resolve(String map, Path mapsDir) {
        Path file = Path.of(map);
        if (map.endsWith(".map") || Files.isRegularFile(file)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--map: no map file " + map);
            }
            try {
                return RegisterMapParser.parse(map, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("--map: cannot read " + map + ": " + e.getMessage(), e);
            }
        }
        RegisterMaps maps = inForce(mapsDir);
        return maps.named(map).orElseThrow(() -> new IllegalArgumentException("--map: no register map '" + map
                + "'; known: " + maps.describe()));
    }

    private static RegisterMaps inForce(Path mapsDir) {
        if (mapsDir == null) {
            return RegisterMaps.builtIn();
        }
        try {
            return RegisterMaps.builtIn().withDirectory(mapsDir);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such directory" : e.getMessage();
            throw new IllegalArgumentException("--maps: cannot read the directory " + mapsDir + ": " + why, e);
        }
    }
}
