package org.openamr.server.web.alarms;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.alarm.Label;
import org.openamr.server.alarm.journal.AlarmView;
import org.openamr.server.channel.Channel;
import org.openamr.server.point.MeteringPoint;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Alarms in the words of the reader's language, for the alarms page and the lists on the apartment and meter pages. */
@Component
public class AlarmLines {

    private static final String APARTMENT = "кв./apt. ";
    private static final String CHANNEL = "канал/channel ";
    private static final String CONCENTRATOR = "концентратор/concentrator ";

    private final MessageSource messages;

    AlarmLines(MessageSource messages) {
        this.messages = messages;
    }

    /** Alarms of one place, whose times are all in its zone. */
    public List<AlarmLine> of(List<AlarmView> alarms, ZoneId zone) {
        return of(alarms, Map.of(), zone);
    }

    /** Alarms of several buildings, each in its building's zone; a building not in {@code zones} in {@code other}. */
    public List<AlarmLine> of(List<AlarmView> alarms, Map<UUID, ZoneId> zones, ZoneId other) {
        Locale locale = LocaleContextHolder.getLocale();
        List<AlarmLine> out = new ArrayList<>(alarms.size());
        for (AlarmView a : alarms) {
            ZoneId zone = a.building() == null ? other : zones.getOrDefault(a.building(), other);
            String label = object(a.objectLabel(), locale);
            out.add(new AlarmLine(a, zone == null ? Channel.DEFAULT_ZONE : zone, words(a.label(), locale),
                    words(a.severity().label(), locale), label, withoutAddress(label, a.buildingAddress())));
        }
        return out;
    }

    /**
     * A label without the building's address it starts with; as it is when it does not (the address was changed
     * since the alarm was raised, or the object is a channel of no building).
     */
    static String withoutAddress(String label, String address) {
        return address != null && label.startsWith(address + ", ") ? label.substring(address.length() + 2) : label;
    }

    static String words(Label label, Locale locale) {
        return "ru".equals(locale.getLanguage()) ? label.ru() : label.en();
    }

    /**
     * The object's label in the reader's language. The journal fixes it when the alarm is raised, for messages and
     * the API, with the words it has in both languages ("кв./apt. 5") and a resource by its name ("HEAT"); the page
     * shows the reader's half and the resource's name in words. Any other part is shown as recorded (an address, a
     * serial number), so a label of another shape is shown as it is rather than lost.
     */
    String object(String label, Locale locale) {
        if (label == null) {
            return "";
        }
        boolean ru = "ru".equals(locale.getLanguage());
        String[] parts = label.split(", ", -1);
        for (int n = 0; n < parts.length; n++) {
            String part = parts[n];
            if (part.startsWith(APARTMENT)) {
                parts[n] = messages.getMessage("alarms.apartment", new Object[] {part.substring(APARTMENT.length())},
                        locale);
            } else if (part.startsWith(CHANNEL)) {
                parts[n] = (ru ? "канал " : "channel ") + part.substring(CHANNEL.length());
            } else if (part.startsWith(CONCENTRATOR)) {
                parts[n] = (ru ? "концентратор " : "concentrator ") + part.substring(CONCENTRATOR.length());
            } else if (MeteringPoint.Resource.named(part).isPresent() && part.equals(part.toUpperCase(Locale.ROOT))) {
                parts[n] = messages.getMessage("resource." + part, null, part, locale);
            }
        }
        return String.join(", ", parts);
    }
}
