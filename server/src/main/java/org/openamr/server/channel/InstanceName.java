package org.openamr.server.channel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Which server instance did something: written into runs, jobs and the channel locks, so that an
 * operator sees which of several servers on one database polled a channel.
 */
public record InstanceName(String value) {

    public static InstanceName of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new InstanceName(configured.trim());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        // the random part tells apart two servers started in one process (tests) or one container image
        return new InstanceName(host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public String toString() {
        return value;
    }
}
