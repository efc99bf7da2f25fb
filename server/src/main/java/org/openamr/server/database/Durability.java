package org.openamr.server.database;

import java.util.Map;

/**
 * How hard the embedded PostgreSQL works to keep a commit: a named choice, because the library's own
 * defaults (made for throw-away test databases) silently turn every safeguard off.
 */
public enum Durability {

    /**
     * For {@code openamr server} and {@code openamr demo}: a commit is on disk before it is
     * acknowledged, so a push answered 200 survives a killed database process or a power cut.
     */
    DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),

    /**
     * For test clusters only: commits are acknowledged from memory and the last ones are lost when
     * PostgreSQL crashes, which a test database that is dropped afterwards can afford for speed.
     */
    THROWAWAY(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

    private final Map<String, String> settings;

    Durability(Map<String, String> settings) {
        this.settings = settings;
    }

    /** The server settings, given on the command line so that they win over any postgresql.conf. */
    public Map<String, String> settings() {
        return settings;
    }
}
