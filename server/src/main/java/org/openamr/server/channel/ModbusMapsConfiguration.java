package org.openamr.server.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openamr.modbus.map.RegisterMaps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Modbus register maps in force: the built-in ones, replaced or extended by the {@code *.map}
 * files of {@code openamr.modbus.maps-dir} when it is set, so that an unverified built-in map can be
 * corrected on a running installation without a release (read at start-up).
 */
@Configuration(proxyBeanMethods = false)
class ModbusMapsConfiguration {

    @Bean
    RegisterMaps registerMaps(@Value("${openamr.modbus.maps-dir:}") String mapsDir) {
        if (mapsDir.isBlank()) {
            return RegisterMaps.builtIn();
        }
        Path dir = Path.of(mapsDir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("openamr.modbus.maps-dir " + dir.toAbsolutePath()
                    + " is not a directory of register map files");
        }
        try {
            return RegisterMaps.builtIn().withDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the register maps in " + dir.toAbsolutePath(), e);
        }
    }
}
