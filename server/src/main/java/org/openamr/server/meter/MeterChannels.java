package org.openamr.server.meter;

import java.util.Optional;
import java.util.UUID;
import org.openamr.server.security.AccessScope;

/**
 * The channels a meter may be registered on, as the acquisition feature (which owns channels and depends on
 * meters) lets the registry see them: declared here so that meters need not depend on acquisition.
 */
public interface MeterChannels {

    /** The internal id of a channel the scope sees, by its public id. */
    Optional<Long> visibleChannelId(UUID publicId, AccessScope scope);

    /** True when the channel reaches its meters over Modbus, where a meter's bus address is its unit id (1–247). */
    boolean modbus(long channelId);
}
