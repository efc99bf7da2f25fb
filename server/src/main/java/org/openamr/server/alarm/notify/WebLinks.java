package org.openamr.server.alarm.notify;

import java.util.UUID;

/**
 * Addresses of the alarm journal as a message's reader reaches the server ({@code openamr.reports.public-url}): the
 * journal, one alarm, and the alarms of one channel.
 */
record WebLinks(String base) {

    WebLinks {
        base = base.replaceAll("/+$", "");
    }

    String journal() {
        return base + "/alarms";
    }

    String alarm(UUID alarm) {
        return base + "/alarms/" + alarm;
    }

    String channel(UUID channel) {
        return base + "/alarms?channel=" + channel;
    }
}
