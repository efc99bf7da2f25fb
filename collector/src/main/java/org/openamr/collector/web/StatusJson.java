package org.openamr.collector.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.openamr.collector.web.Status.InputRow;
import org.openamr.collector.web.Status.OutputRow;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /status.json} for monitoring: the figures of the page, times as ISO-8601 instants (null when
 * there was none yet), sizes in bytes. Jackson writes it, so every string is escaped. The configuration
 * is not in it: a monitoring system has no use for it, and what is not sent cannot leak.
 */
final class StatusJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatusJson() {
    }

    static String of(Status s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("collector", s.collector());
        root.put("at", s.at().toString());
        ArrayNode inputs = root.putArray("inputs");
        for (InputRow i : s.inputs()) {
            ObjectNode n = inputs.addObject();
            n.put("name", i.name());
            n.put("kind", i.kind());
            n.put("address", i.address());
            n.put("meters", i.meters());
            time(n, "lastRead", i.lastRead());
            if (i.lastRssiDbm().isPresent()) {
                n.put("lastRssiDbm", i.lastRssiDbm().getAsInt());
            } else {
                n.putNull("lastRssiDbm");
            }
            n.put("telegrams", i.telegrams());
            n.put("readouts", i.readouts());
            counts(n.putObject("errors"), i.errors());
        }
        ArrayNode outputs = root.putArray("outputs");
        for (OutputRow o : s.outputs()) {
            ObjectNode n = outputs.addObject();
            n.put("name", o.name());
            n.put("type", o.type());
            n.put("queueDepth", o.queueDepth());
            time(n, "lastSuccess", o.lastSuccess());
            time(n, "lastErrorAt", o.lastErrorAt());
            n.put("lastError", o.lastError().orElse(null));
            n.put("delivered", o.delivered());
            n.put("throughBackup", o.throughBackup());
            n.put("failuresInRow", o.failuresInRow());
            n.put("backup", o.backup().orElse(null));
            n.put("backupInUse", o.backupInUse());
        }
        ObjectNode store = root.putObject("store");
        store.put("file", s.store().file().toString());
        store.put("usedBytes", s.store().usedBytes());
        store.put("maxBytes", s.store().maxBytes());
        if (s.store().maxAge().isPresent()) {
            store.put("maxAgeSeconds", s.store().maxAge().get().toSeconds());
        } else {
            store.putNull("maxAgeSeconds");
        }
        counts(store.putObject("telegrams"), s.store().telegrams());
        store.put("droppedUndelivered", s.store().droppedUndelivered());
        return JSON.writeValueAsString(root);
    }

    private static void time(ObjectNode n, String key, Optional<Instant> at) {
        n.put(key, at.map(Instant::toString).orElse(null));
    }

    private static void counts(ObjectNode n, Map<String, Long> counts) {
        counts.forEach(n::put);
    }
}
