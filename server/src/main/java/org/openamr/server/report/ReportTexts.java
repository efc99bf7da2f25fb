package org.openamr.server.report;

import java.util.Locale;
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
        return messages.getMessage("report." + key, args, locale);
    }

    /** A message outside {@code report.*}: the pages' words reused (a meter's state, a reading's source). */
    public String page(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A unit's symbol ({@code unit.<symbol>} of the pages: «м³», «Гкал»), the symbol itself when none is written. */
    public String unit(Locale locale, String symbol) {
        return messages.getMessage("unit." + symbol, null, symbol, locale);
    }

    /** A resource's name as the pages say it. */
    public String resource(Locale locale, org.openamr.server.point.MeteringPoint.Resource resource) {
        return messages.getMessage("resource." + resource.name(), null, locale);
    }
}
