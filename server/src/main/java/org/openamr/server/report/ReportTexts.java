package org.openamr.server.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.openamr.server.channel.Channel;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.report.table.Field;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of reports in the reader's language, from the {@code report.*} messages. */
@Component
public class ReportTexts {

    private final MessageSource messages;

    public ReportTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String say(Locale locale, String key, Object... args) {
        if (args.length == 0) {
            return fixed(locale, "report.", key, null);
        }
        return messages.getMessage("report." + key, args, locale);
    }

    /**
     * Words without arguments, looked up once per language: a portfolio's statement says "measured" or "Гкал" on
     * each of tens of thousands of lines, and the message source resolves each time. Keyed by language, then the
     * code's prefix, then the rest (a code always comes with the same fallback): a hit puts no code together, as a
     * code built per look-up cost more to build and hash than the look-up itself.
     */
    private final ConcurrentMap<Locale, ConcurrentMap<String, ConcurrentMap<String, String>>> fixedWords =
            new ConcurrentHashMap<>();

    private String fixed(Locale locale, String prefix, String name, String fallback) {
        ConcurrentMap<String, String> words = fixedWords.computeIfAbsent(locale, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(prefix, k -> new ConcurrentHashMap<>());
        String word = words.get(name);
        if (word == null) {
            String code = prefix + name;
            word = fallback == null ? messages.getMessage(code, null, locale)
                    : messages.getMessage(code, null, fallback, locale);
            words.put(name, word);
        }
        return word;
    }

    /** A message outside {@code report.*}: the pages' words reused (a meter's state, a reading's source). */
    public String page(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A unit's symbol ({@code unit.<symbol>} of the pages: «м³», «Гкал»), the symbol itself when none is written. */
    public String unit(Locale locale, String symbol) {
        return fixed(locale, "unit.", symbol, symbol);
    }

    /** A resource's name as the pages say it. */
    public String resource(Locale locale, org.openamr.server.point.MeteringPoint.Resource resource) {
        return fixed(locale, "resource.", resource.name(), null);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * What a report covers, as its header says it: one building's address (with the entrance or premise and the
     * time zone its times are in), or the number of buildings of a portfolio.
     */
    public List<Field> scope(Locale l, List<ReportScopes.Subject> subjects) {
        List<Field> out = new ArrayList<>();
        if (subjects.size() != 1) {
            out.add(new Field(say(l, "field.address"), say(l, "field.portfolio", subjects.size())));
            return out;
        }
        ReportScopes.Subject s = subjects.get(0);
        out.add(new Field(say(l, "field.address"), s.address()));
        if (s.kind() == TargetKind.ENTRANCE) {
            out.add(new Field(say(l, "field.entrance"), String.valueOf(s.entrance())));
        }
        if (s.kind() == TargetKind.PREMISE) {
            out.add(new Field(say(l, "field.premise"), s.premise()));
        }
        out.add(new Field(say(l, "field.zone"), s.zone().getId()));
        return out;
    }

    /** «Период: 01.11.2026 – 30.11.2026»: the last day inclusive, as people write a period. */
    public Field period(Locale l, ReportPeriod period) {
        return new Field(say(l, "field.period"), say(l, "period", DAY.format(period.from()),
                DAY.format(period.lastDay())));
    }

    /** What a report's file is named after: the building, entrance or premise, or the portfolio. */
    public String fileSubject(Locale l, List<ReportScopes.Subject> subjects) {
        if (subjects.size() != 1) {
            return say(l, "file.portfolio");
        }
        ReportScopes.Subject s = subjects.get(0);
        return switch (s.kind()) {
            case ENTRANCE -> s.address() + "_" + say(l, "file.entrance", s.entrance());
            case PREMISE -> s.address() + "_" + say(l, "file.premise", s.premise());
            default -> s.address();
        };
    }

    /** The zone a report's own time (when it was made) is given in: its first building's, else Moscow. */
    public static ZoneId zone(List<ReportScopes.Subject> subjects) {
        return subjects.isEmpty() ? Channel.DEFAULT_ZONE : subjects.get(0).zone();
    }
}
