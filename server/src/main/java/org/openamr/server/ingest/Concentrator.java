package org.openamr.server.ingest;

import java.util.UUID;

/** The acquisition channel a push token belongs to. */
public record Concentrator(long channelId, UUID publicId, String name) {

    /** Who the audit log names for the push's changes. */
    public String auditActor() {
        return "concentrator:" + publicId;
    }
}
