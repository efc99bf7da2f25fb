package org.openamr.server.alarm.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openamr.server.alarm.Label;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a webhook receives, version 1 (documented in server/ALARM-NOTIFICATIONS.md). Every field is always present, null when
 * it has no value, so that receivers can rely on the shape:
 *
 * <pre>
 * {"version": 1, "delivery": uuid, "subscription": uuid, "subscriptionName": text, "createdAt": instant,
 *  "raised": n, "cleared": n, "omitted": n, "entries": [
 *    {"type": "group", "change": "RAISED|CLEARED", "rule", "severity", "label": {"en", "ru"},
 *     "severityLabel": {"en", "ru"}, "channel": {"id", "name"}, "count", "objectKind" (null when mixed),
 *     "building": {"id", "address"} (null when several), "firstAt", "lastAt", "alarms": [uuid…], "link"},
 *    {"type": "alarm", "change", "alarm": uuid, "rule", "severity", "label", "severityLabel",
 *     "object": {"kind", "id", "label"}, "building", "channel", "detail", "raisedAt", "clearedAt", "link"}]}
 * </pre>
 *
 * The same delivery is sent with the same bytes on every try: {@code delivery} tells a receiver a repeat.
 */
final class WebhookBody {

    static final int VERSION = 1;
    /** Entries of one body at most; {@code omitted} counts the rest. */
    static final int MAX_ENTRIES = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookBody() {
    }

    record Body(int version, UUID delivery, UUID subscription, String subscriptionName, String createdAt, int raised,
                int cleared, int omitted, List<Object> entries) {
    }

    record Words(String en, String ru) {
        static Words of(Label l) {
            return new Words(l.en(), l.ru());
        }
    }

    record Channel(UUID id, String name) {
    }

    record Building(UUID id, String address) {
    }

    record Thing(String kind, UUID id, String label) {
    }

    record GroupEntry(String type, String change, String rule, String severity, Words label, Words severityLabel,
                      Channel channel, int count, String objectKind, Building building, String firstAt, String lastAt,
                      List<UUID> alarms, String link) {
    }

    record AlarmEntry(String type, String change, UUID alarm, String rule, String severity, Words label,
                      Words severityLabel, Thing object, Building building, Channel channel, String detail,
                      String raisedAt, String clearedAt, String link) {
    }

    static String json(UUID delivery, AlarmSubscription s, Instant createdAt, AlarmNotice notice, WebLinks links) {
        List<Object> entries = new ArrayList<>();
        for (AlarmNotice.Entry e : notice.entries()) {
            if (entries.size() == MAX_ENTRIES) {
                break;
            }
            entries.add(entry(e, links));
        }
        return JSON.writeValueAsString(new Body(VERSION, delivery, s.publicId(), s.name(), createdAt.toString(),
                notice.raised(), notice.cleared(), notice.entries().size() - entries.size(), entries));
    }

    private static Object entry(AlarmNotice.Entry e, WebLinks links) {
        if (e instanceof AlarmNotice.Group g) {
            AlarmChange b = g.sameBuilding();
            return new GroupEntry("group", g.change().name(), g.rule().name(), g.severity().name(),
                    Words.of(g.rule().label()), Words.of(g.severity().label()), new Channel(g.channel(), g.channelName()),
                    g.count(), g.objectKind() == null ? null : g.objectKind().name(),
                    b == null ? null : new Building(b.building(), b.buildingAddress()), g.first().toString(),
                    g.last().toString(), g.members().stream().map(AlarmChange::alarm).toList(),
                    links.channel(g.channel()));
        }
        AlarmChange a = ((AlarmNotice.Single) e).alarm();
        return new AlarmEntry("alarm", a.change().name(), a.alarm(), a.rule().name(), a.severity().name(),
                Words.of(a.rule().label()), Words.of(a.severity().label()),
                new Thing(a.objectKind().name(), a.objectId(), a.objectLabel()),
                a.building() == null ? null : new Building(a.building(), a.buildingAddress()),
                a.channel() == null ? null : new Channel(a.channel(), a.channelName()), a.detail(),
                a.raisedAt() == null ? null : a.raisedAt().toString(),
                a.clearedAt() == null ? null : a.clearedAt().toString(), links.alarm(a.alarm()));
    }
}
