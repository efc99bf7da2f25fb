package org.openamr.modbus.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register maps in force: the built-in ones shipped as resources, and any {@code *.map} files
 * of a user's directory. A user's map replaces the built-in map of the same name, so that an
 * unverified built-in map can be corrected without a release; a user's map of a new name is added
 * and, for the models it names, consulted before the built-in ones.
 */
public final class RegisterMaps {

    private static final String RESOURCE_DIR = "/org/openamr/modbus/map/";
    /** Built-in map files, listed because a JAR's resources cannot be listed portably. */
    private static final List<String> BUILT_IN = List.of("danfoss-sonometer.map");

    /** User maps first, in file-name order, then the built-in ones. */
    private final List<RegisterMap> maps;

    private RegisterMaps(List<RegisterMap> maps) {
        this.maps = List.copyOf(maps);
    }

    public static RegisterMaps builtIn() {
        List<RegisterMap> list = new ArrayList<>();
        for (String file : BUILT_IN) {
            try (InputStream in = RegisterMaps.class.getResourceAsStream(RESOURCE_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in register map " + file + " is missing from the library");
                }
                list.add(RegisterMapParser.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RegisterMaps(list);
    }

    /**
     * These maps with the {@code *.map} files of {@code dir} put first, each replacing a map of the
     * same name. Two files of the directory with one name are refused: which one should win is the
     * user's decision, not the file order's.
     */
    public RegisterMaps withDirectory(Path dir) throws IOException {
        Map<String, RegisterMap> mine = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".map")).sorted().toList()) {
                RegisterMap map = RegisterMapParser.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
                RegisterMap earlier = mine.putIfAbsent(map.name(), map);
                if (earlier != null) {
                    throw new DuplicateMapException(map.name(), earlier.source(), map.source());
                }
            }
        }
        List<RegisterMap> list = new ArrayList<>(mine.values());
        maps.stream().filter(m -> !mine.containsKey(m.name())).forEach(list::add);
        return new RegisterMaps(list);
    }

    public Optional<RegisterMap> byName(String name) {
        return maps.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The map a user names, as its {@code map} line does or by its file name without {@code .map}
     * ({@code danfoss-sonometer}), ignoring case; the first of the maps in force, a user's before a built-in one.
     */
    public Optional<RegisterMap> named(String nameOrFile) {
        String wanted = nameOrFile.strip().toLowerCase(Locale.ROOT);
        return maps.stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).equals(wanted) || m.fileName().equals(wanted))
                .findFirst();
    }

    /** The maps for a message: {@code danfoss-sonometer (Danfoss SonoMeter Modbus RTU module)}, … */
    public String describe() {
        return maps.stream().map(m -> m.fileName() + " (" + m.name() + ")").collect(Collectors.joining(", "));
    }

    /** The first map that names this model: a user's before a built-in one. */
    public Optional<RegisterMap> forModel(String model) {
        return maps.stream().filter(m -> m.appliesTo(model)).findFirst();
    }

    public List<RegisterMap> all() {
        return maps;
    }
}
