package org.openamr.collector.config;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The configuration file as written, bound key by key (unknown keys are refused). {@link ConfigLoader}
 * checks it and turns it into {@link CollectorSettings}.
 */
public record ConfigFile(Collector collector, List<Input> inputs, List<OutputEntry> outputs) {

    public record Collector(String id, Store store, Web web, String zone) {
    }

    /** @param maxSize e.g. {@code 2GB}, {@code 500MB}; @param maxAge e.g. {@code 90d} */
    public record Store(String path, String maxSize, String maxAge) {
    }

    public record Web(String bind, Integer port, String user, String password) {
    }

    /**
     * One input; which keys apply depends on {@code type}: {@code mbus} takes address, baud, addresses,
     * secondary, search, schedule; {@code radio} takes receiver, mode, keys, meters.
     */
    public record Input(String name, String type, String address, Integer baud, List<Integer> addresses,
                        List<String> secondary, String search, String schedule, String receiver, String mode,
                        String keys, JsonNode meters) {
    }

    public record OutputEntry(String name, String type, String schedule, JsonNode meters, String backup,
                              Integer failuresBeforeBackup, Retry retry, Integer batchSize, JsonNode settings) {
    }

    public record Retry(String initial, String max) {
    }
}
