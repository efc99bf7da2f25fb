package org.openamr.server.alarm.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openamr.server.alarm.Label;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The e-mail of an {@link AlarmNotice} in the subscription's language, from the {@code alarm.notify.*} messages. */
@Component
class NoticeTexts {

    /** Lines of one e-mail at most; the rest are counted ("… and 12 more"), the webhook carries them. */
    static final int MAX_LINES = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    String subject(AlarmSubscription s, AlarmNotice n) {
        Locale l = s.locale();
        if (n.cleared() == 0) {
            return say(l, "subject.raised", s.name(), n.raised());
        }
        if (n.raised() == 0) {
            return say(l, "subject.cleared", s.name(), n.cleared());
        }
        return say(l, "subject.both", s.name(), n.raised(), n.cleared());
    }

    /** @param links the server's address as readers reach it, for the journal's link */
    String body(AlarmSubscription s, AlarmNotice n, WebLinks links) {
        Locale l = s.locale();
        StringBuilder b = new StringBuilder();
        int printed = 0;
        AlarmChange.Change section = null;
        for (AlarmNotice.Entry e : n.entries()) {
            if (printed == MAX_LINES) {
                break;
            }
            if (e.change() != section) {
                section = e.change();
                if (!b.isEmpty()) {
                    b.append('\n');
                }
                b.append(section == AlarmChange.Change.RAISED ? say(l, "raised", n.raised())
                        : say(l, "cleared", n.cleared())).append('\n');
            }
            b.append(line(e, s.zone(), l)).append('\n');
            printed++;
        }
        if (n.entries().size() > printed) {
            b.append(say(l, "more", n.entries().size() - printed)).append('\n');
        }
        b.append('\n').append(say(l, "times", s.zone().getId())).append('\n');
        b.append(say(l, "journal", links.journal())).append('\n');
        b.append('\n').append(say(l, "footer", s.name(), s.ownerName())).append('\n');
        return b.toString();
    }

    /** One line: a group names its channel and how many objects; a single alarm its object and evidence. */
    String line(AlarmNotice.Entry e, ZoneId zone, Locale l) {
        String severity = "[" + label(e.severity().label(), l) + "] ";
        String rule = lowerFirst(label(e.rule().label(), l));
        if (e instanceof AlarmNotice.Group g) {
            String kind = g.objectKind() == null ? "MIXED" : g.objectKind().name();
            String objects = plural(say(l, "object." + kind), g.count(), l);
            return severity + say(l, "group", g.channelName(), g.count(), objects, rule) + " ("
                    + period(g.first(), g.last(), zone) + ")";
        }
        AlarmChange a = ((AlarmNotice.Single) e).alarm();
        String line = severity + a.objectLabel() + ": " + rule + " (" + TIME.format(a.happenedAt().atZone(zone)) + ")";
        return a.detail() == null || a.detail().isBlank() ? line : line + "\n    " + a.detail();
    }

    private static String period(Instant first, Instant last, ZoneId zone) {
        String from = TIME.format(first.atZone(zone));
        String to = TIME.format(last.atZone(zone));
        return from.equals(to) ? from : from + " – " + to;
    }

    static String label(Label label, Locale l) {
        return "ru".equals(l.getLanguage()) ? label.ru() : label.en();
    }

    /** "No readings" inside a sentence, but "ОДПУ" stays as it is. */
    static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /**
     * The noun's form for the count: the message holds "one|many" in English and "one|few|many" in Russian
     * (1 прибор, 2 прибора, 5 приборов, 21 прибор, 300 приборов).
     */
    static String plural(String forms, int n, Locale l) {
        String[] f = forms.split("\\|");
        if (f.length == 3) {
            int mod10 = n % 10;
            int mod100 = n % 100;
            if (mod10 == 1 && mod100 != 11) {
                return f[0];
            }
            return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? f[1] : f[2];
        }
        return n == 1 || f.length == 1 ? f[0] : f[1];
    }

    private String say(Locale l, String key, Object... args) {
        Object[] words = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // numbers as digits: MessageFormat would group them by the locale (1 000, 1,000)
            words[i] = args[i] instanceof Number ? args[i].toString() : args[i];
        }
        return messages.getMessage("alarm.notify." + key, words, l);
    }

}
