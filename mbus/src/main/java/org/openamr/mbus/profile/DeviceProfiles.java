package org.openamr.mbus.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The device profiles in force: the built-in ones shipped as resources, and any
 * {@code *.profile} files of a user's directory, which take precedence over built-in ones for the
 * same meters.
 */
public final class DeviceProfiles {

    private static final String RESOURCE_DIR = "/org/openamr/mbus/profile/";
    /** Built-in profile files, listed because a JAR's resources cannot be listed portably. */
    private static final List<String> BUILT_IN = List.of("danfoss.profile");

    private final List<DeviceProfile> profiles;

    private DeviceProfiles(List<DeviceProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    public static DeviceProfiles builtIn() {
        List<DeviceProfile> list = new ArrayList<>();
        for (String file : BUILT_IN) {
            try (InputStream in = DeviceProfiles.class.getResourceAsStream(RESOURCE_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in profile " + file + " is missing from the library");
                }
                list.add(ProfileParser.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DeviceProfiles(list);
    }

    /** These profiles with the {@code *.profile} files of {@code dir} put first. */
    public DeviceProfiles withDirectory(Path dir) throws IOException {
        List<DeviceProfile> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".profile")).sorted().toList()) {
                list.add(ProfileParser.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        list.addAll(profiles);
        return new DeviceProfiles(list);
    }

    public Optional<DeviceProfile> find(String manufacturer, int version) {
        return profiles.stream().filter(p -> p.appliesTo(manufacturer, version)).findFirst();
    }

    public List<DeviceProfile> all() {
        return profiles;
    }
}
