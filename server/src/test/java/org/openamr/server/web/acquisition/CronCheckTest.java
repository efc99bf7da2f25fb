package org.openamr.server.web.acquisition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The acquisition page's reasons for refusing a schedule, in both languages, never repeating an endless one. */
class CronCheckTest {

    final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    String say(String cron, Locale locale) {
        var problem = CronCheck.problem(cron);
        return problem == null ? null : messages.getMessage(problem, locale);
    }

    @Test
    void tooOftenNeverAndTooLongAreSaid() {
        assertThat(say("* * * * * *", Locale.ENGLISH)).contains("runs more often than once a minute");
        assertThat(say("*/30 * * * * *", new Locale("ru"))).contains("чаще раза в минуту");
        assertThat(say("0 0 0 31 2 *", Locale.ENGLISH)).contains("never runs within the next five years");
        assertThat(say("0 0 0 31 2 *", new Locale("ru"))).contains("не сработает ни разу");
        String endless = "0 0 3 * * " + "MON,".repeat(2500) + "MON";
        assertThat(say(endless, Locale.ENGLISH)).isEqualTo(
                "The schedule has 10,013 characters; a cron expression may have at most 200.");
        // no noun after the count, so no plural form to get wrong (was "В расписании 201 символов")
        assertThat(say("0 0 3 * * " + "MON,".repeat(47) + "MON", new Locale("ru"))).isEqualTo(
                "Расписание слишком длинное (символов: 201); выражение cron может быть не длиннее 200 символов.");
        assertThat(say("0 * * * * *", Locale.ENGLISH)).isNull();
        assertThat(say("@hourly", Locale.ENGLISH)).isNull();
    }
}
