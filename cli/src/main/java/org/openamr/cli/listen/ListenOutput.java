package org.openamr.cli.listen;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openamr.acquisition.radio.HeardMeter;
import org.openamr.acquisition.radio.HeardTelegram;
import org.openamr.acquisition.radio.ListenCounts;
import org.openamr.acquisition.radio.Listening;
import org.openamr.acquisition.radio.Reception;
import org.openamr.cli.output.TelegramJson;
import org.openamr.cli.output.TelegramTable;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessTelegram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code openamr listen} prints: per telegram one summary line and its records (the table of
 * {@code decode}), or one JSON object per line in the contract of {@code decode --json} plus where
 * and how it was heard; at the end the meters heard and the counts.
 */
final class ListenOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintWriter out;
    private final boolean json;
    private final boolean russian;

    ListenOutput(PrintWriter out, boolean json, boolean russian) {
        this.out = out;
        this.json = json;
        this.russian = russian;
    }

    /** Duplicates and telegrams of other modes print nothing: the summary counts them. */
    void event(Listening.Event e) {
        if (e instanceof Listening.Decoded d) {
            decoded(d.heard(), d.telegram());
        } else if (e instanceof Listening.Failed f) {
            failed(f.heard(), f.reason().kind(), f.reason().getMessage(), f.reason().offset());
        } else if (e instanceof Listening.Damaged d) {
            damaged(d.damage());
        }
        out.flush();
    }

    private void decoded(HeardTelegram h, WirelessTelegram t) {
        if (json) {
            print(heard(TelegramJson.wireless(t), h));
            return;
        }
        MeterAddress m = t.meter();
        out.println(prefix(h) + "  %s %s  v%d %s%s  %s".formatted(m.manufacturerLetters(), m.id(), m.version(),
                m.medium().jsonName(), t.accessNumber() >= 0 ? "  #" + t.accessNumber() : "", readable(t)));
        out.print(TelegramTable.wirelessPayload(t, russian));
        out.println();
    }

    private void failed(HeardTelegram h, String kind, String message, int offset) {
        if (json) {
            print(heard(TelegramJson.failure(kind, message, offset), h));
        } else {
            out.println(prefix(h) + "  error " + kind + (offset >= 0 ? " at byte " + offset : "") + ": " + message);
        }
    }

    private void damaged(Reception.Damaged d) {
        if (json) {
            ObjectNode o = TelegramJson.failure(d.kind(), d.detail(), -1);
            o.put("receivedAt", d.receivedAt().toString());
            o.put("receiver", d.receiver());
            print(o);
        } else {
            out.println(d.receivedAt() + "  error " + d.kind() + ": " + d.detail() + "  [" + d.receiver() + "]");
        }
    }

    private static String readable(WirelessTelegram t) {
        if (t.payload() instanceof Payload.Undecoded u) {
            return "not decoded: " + u.reason().kind();
        }
        String decrypted = t.decryptions().stream().map(d -> d.method().jsonName() + " (" + d.keySource().jsonName()
                + (d.keySource() == Decryption.KeySource.ALREADY_DECRYPTED ? ")" : " key)"))
                .collect(Collectors.joining(", "));
        return decrypted.isEmpty() ? "plain" : decrypted;
    }

    private static String prefix(HeardTelegram h) {
        return "%s  %s  %s  [%s]".formatted(h.receivedAt(), h.mode().map(Enum::name).orElse("--"),
                h.rssiDbm().isPresent() ? "%4d dBm".formatted(h.rssiDbm().getAsInt()) : "   - dBm", h.receiver());
    }

    private static ObjectNode heard(ObjectNode o, HeardTelegram h) {
        o.put("receivedAt", h.receivedAt().toString());
        o.put("receiver", h.receiver());
        if (h.mode().isPresent()) {
            o.put("mode", h.mode().get().name());
        }
        if (h.rssiDbm().isPresent()) {
            o.put("rssiDbm", h.rssiDbm().getAsInt());
        }
        return o;
    }

    /** The meters heard and the counts. */
    void summary(ListenCounts c, List<HeardMeter> meters) {
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ObjectNode s = root.putObject("summary");
            s.put("telegrams", c.telegrams());
            s.put("duplicates", c.duplicates());
            s.put("otherModes", c.otherModes());
            ObjectNode errors = s.putObject("errors");
            c.errors().forEach(errors::put);
            ArrayNode arr = s.putArray("meters");
            for (HeardMeter m : meters) {
                ObjectNode o = arr.addObject();
                o.put("id", m.meter().id());
                o.put("manufacturer", m.meter().manufacturerLetters());
                o.put("version", m.meter().version());
                o.put("deviceType", m.meter().deviceType());
                o.put("medium", m.meter().medium().jsonName());
                o.put("telegrams", m.telegrams());
                o.put("firstSeen", m.firstSeen().toString());
                o.put("lastSeen", m.lastSeen().toString());
                if (m.lastRssiDbm().isPresent()) {
                    o.put("lastRssiDbm", m.lastRssiDbm().getAsInt());
                }
                m.lastMode().ifPresent(x -> o.put("lastMode", x.name()));
                o.put("encrypted", m.encrypted());
                o.put("readability", m.readability().jsonName());
                o.put("keyWorks", m.keyWorks());
            }
            print(root);
            return;
        }
        out.println(russian ? "Счётчики в эфире: " + meters.size() : "Meters heard: " + meters.size());
        String f = "%-4s %-8s %3s %-24s %9s %9s %-4s %-11s %-24s %-24s%n";
        out.printf(f, russian ? "изг." : "mfct", "id", "ver", russian ? "среда" : "medium", russian ? "телеграмм"
                : "telegrams", "RSSI dBm", russian ? "реж." : "mode", russian ? "чтение" : "readable",
                russian ? "впервые" : "first seen", russian ? "последний раз" : "last seen");
        for (HeardMeter m : meters) {
            out.printf(f, m.meter().manufacturerLetters(), m.meter().id(), m.meter().version(),
                    m.meter().medium().jsonName(), m.telegrams(), m.lastRssiDbm().isPresent()
                            ? Integer.toString(m.lastRssiDbm().getAsInt()) : "-",
                    m.lastMode().map(Enum::name).orElse("-"), m.readability().jsonName(), m.firstSeen(), m.lastSeen());
        }
        out.println((russian ? "Телеграмм: %d, повторов отброшено: %d, других режимов: %d, ошибок: %d%s"
                : "Telegrams: %d, duplicates dropped: %d, other modes set aside: %d, errors: %d%s").formatted(
                c.telegrams(), c.duplicates(), c.otherModes(), c.errorCount(), byKind(c.errors())));
        out.flush();
    }

    private static String byKind(Map<String, Long> errors) {
        return errors.isEmpty() ? "" : errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private void print(ObjectNode o) {
        out.println(JSON.writeValueAsString(o));
    }
}
