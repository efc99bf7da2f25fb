package org.openamr.server.web.acquisition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Schedules in words, and a refused schedule's reason, as the acquisition page says them. */
class CronWordsTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private final CronWords words = new CronWords(MESSAGES);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private String english(String cron) {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        return words.describe(cron);
    }

    private String russian(String cron) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        return words.describe(cron);
    }

    private static String refusal(String cron) {
        var problem = CronCheck.problem(cron);
        return problem == null ? null : MESSAGES.getMessage(problem, Locale.ENGLISH);
    }

    @Test
    void usualShapesAreSentences() {
        assertThat(english("0 0 3 * * *")).isEqualTo("every day at 03:00");
        assertThat(english("@daily")).isEqualTo("every day at 00:00");
        assertThat(english("0 * * * * *")).isEqualTo("every minute");
        assertThat(english("0 */15 * * * *")).isEqualTo("every 15 min");
        assertThat(english("*/10 * * * * *")).isEqualTo("every 10 s");
        assertThat(english("0 5 * * * *")).isEqualTo("every hour at minute 5");
        assertThat(english("0 0 */6 * * *")).isEqualTo("every 6 h at minute 0");
        assertThat(english("0 0 8-18 * * *")).isEqualTo("every hour from 08:00 to 18:00");
        assertThat(english("0 0 0,12 * * *")).isEqualTo("every day at 00:00, 12:00");
        assertThat(english("0 30 3 * * MON-FRI")).isEqualTo("at 03:30, on Monday–Friday");
        assertThat(english("0 0 1 L * ?")).isEqualTo("at 01:00, on the last day of the month");
        assertThat(english("0 0 2 1 1,7 *")).isEqualTo("at 02:00, on day 1 of the month, in January, July");
    }

    @Test
    void anyOtherShapeIsSaidFieldByField() {
        assertThat(english("5-10 0/20 1 * * *")).isEqualTo("second 5–10, minute every 20 from 0, hour 1");
    }

    @Test
    void russianToo() {
        assertThat(russian("0 0 3 * * *")).isEqualTo("каждый день в 03:00");
        assertThat(russian("0 */15 * * * *")).isEqualTo("раз в 15 мин");
        assertThat(russian("0 0 7 * * 0")).isEqualTo("в 07:00, дни недели: воскресенье");
    }

    @Test
    void aRefusedScheduleSaysWhichFieldAndWhatItMayHold() {
        assertThat(refusal("")).as("no schedule: on demand").isNull();
        assertThat(refusal("0 0 3 * * *")).isNull();
        assertThat(refusal("0 3 * * *")).isEqualTo("The schedule \"0 3 * * *\" has five fields, like a Unix cron; "
                + "this one also needs the seconds first: 0 0 3 * * *");
        assertThat(refusal("0 0 3")).isEqualTo("The schedule \"0 0 3\" has 3 field(s); it needs six: second, minute, "
                + "hour, day of month, month, day of week.");
        assertThat(refusal("0 0 3 * * FUNDAY")).isEqualTo("The schedule \"0 0 3 * * FUNDAY\": field 6 (day of week) "
                + "\"FUNDAY\" is not valid; it may hold 0–7, MON–SUN, lists (1,15), ranges (1-5) and steps (*/10).");
        assertThat(refusal("@often")).isEqualTo("The schedule \"@often\" is not a known shorthand: @yearly, @monthly, "
                + "@weekly, @daily or @hourly.");
    }
}
