package org.openamr.mbus.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Access to the test vectors under {@code src/test/resources/vectors} (see the README there). */
final class Vectors {

    private Vectors() {
    }

    /** The folder {@code vectors/<relative>} on the test class path. */
    static Path dir(String relative) {
        URL url = Vectors.class.getResource("/vectors/" + relative);
        if (url == null) {
            throw new IllegalStateException("test resource folder vectors/" + relative + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the files in {@code folder} ending with {@code suffix}, without the suffix, sorted. */
    static List<String> names(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
