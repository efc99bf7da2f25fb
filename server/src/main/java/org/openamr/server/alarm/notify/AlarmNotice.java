package org.openamr.server.alarm.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;

/**
 * What one message of a subscription says: its changes, where several of one rule came through one acquisition
 * channel as one {@link Group} ("channel «Шлюз А»: no readings from 300 meters"), the rest one {@link Single}
 * each. A bus or a collector that goes quiet thus makes one line, not one per meter. New alarms come before cleared
 * ones, the most severe first, then in the order they happened.
 */
public record AlarmNotice(List<Entry> entries, int raised, int cleared) {

    public AlarmNotice {
        entries = List.copyOf(entries);
    }

    /** A line of the message. */
    public sealed interface Entry {
        AlarmChange.Change change();

        RuleKind rule();

        Severity severity();

        /** The alarm changes it stands for. */
        int count();

        /** When the first of them happened, for the order of lines. */
        Instant first();
    }

    /** One alarm's change. */
    public record Single(AlarmChange alarm) implements Entry {
        public AlarmChange.Change change() {
            return alarm.change();
        }

        public RuleKind rule() {
            return alarm.rule();
        }

        public Severity severity() {
            return alarm.severity();
        }

        public int count() {
            return 1;
        }

        public Instant first() {
            return alarm.happenedAt();
        }
    }

    /** The same change of one rule at several objects read through one channel. */
    public record Group(AlarmChange.Change change, RuleKind rule, Severity severity, UUID channel, String channelName,
                        List<AlarmChange> members) implements Entry {

        public Group {
            members = List.copyOf(members);
        }

        public int count() {
            return members.size();
        }

        public Instant first() {
            return members.stream().map(AlarmChange::happenedAt).min(Comparator.naturalOrder()).orElseThrow();
        }

        public Instant last() {
            return members.stream().map(AlarmChange::happenedAt).max(Comparator.naturalOrder()).orElseThrow();
        }

        /** The kind of object all members are, or null when they differ. */
        public AlarmObject.Kind objectKind() {
            AlarmObject.Kind k = members.get(0).objectKind();
            return members.stream().allMatch(m -> m.objectKind() == k) ? k : null;
        }

        /** The building all members are in, or null when they are in several (or none). */
        public AlarmChange sameBuilding() {
            UUID b = members.get(0).building();
            return b != null && members.stream().allMatch(m -> b.equals(m.building())) ? members.get(0) : null;
        }
    }

    /** The changes, grouped; an alarm raised and cleared within one message is on both lists. */
    public static AlarmNotice of(List<AlarmChange> changes) {
        record Key(AlarmChange.Change change, RuleKind rule, long channel) {
        }
        Map<Key, List<AlarmChange>> byChannel = new LinkedHashMap<>();
        for (AlarmChange c : changes) {
            if (c.channelId() != null) {
                byChannel.computeIfAbsent(new Key(c.change(), c.rule(), c.channelId()), k -> new ArrayList<>()).add(c);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (AlarmChange c : changes) {
            List<AlarmChange> same = c.channelId() == null ? null
                    : byChannel.get(new Key(c.change(), c.rule(), c.channelId()));
            if (same == null || same.size() == 1) {
                entries.add(new Single(c));
            } else if (same.get(0) == c) {
                Severity worst = same.stream().map(AlarmChange::severity).min(Comparator.naturalOrder()).orElseThrow();
                entries.add(new Group(c.change(), c.rule(), worst, c.channel(), c.channelName(), same));
            }
        }
        entries.sort(Comparator.comparing(Entry::change).thenComparing(Entry::severity)
                .thenComparing(Entry::first).thenComparing(e -> e.rule().ordinal()));
        int raised = (int) changes.stream().filter(c -> c.change() == AlarmChange.Change.RAISED).count();
        return new AlarmNotice(entries, raised, changes.size() - raised);
    }

    /** The alarm changes of the message, groups counted by their members. */
    public int alarmCount() {
        return raised + cleared;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
