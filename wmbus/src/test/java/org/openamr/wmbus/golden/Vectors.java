package org.openamr.wmbus.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON test vectors under {@code src/test/resources/vectors} (see the README there). */
final class Vectors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Vectors() {
    }

    static JsonNode read(String relative) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("test resource vectors/" + relative + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
