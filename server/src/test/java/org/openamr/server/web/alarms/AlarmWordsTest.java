package org.openamr.server.web.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.web.Formats;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The alarms' words on the pages: an object's label in the reader's language, a badge's count and colour, and a plain
 * explanation of every kind for residents in both languages.
 */
class AlarmWordsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final ResourceBundleMessageSource messages = messages();
    private final AlarmLines lines = new AlarmLines(messages);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void anObjectsLabelIsShownWithTheWordsOfTheReadersLanguage() {
        String meter = "ул. Первая, 1, кв./apt. 12, HOT_WATER, № 68410001";
        assertThat(lines.object(meter, RU)).isEqualTo("ул. Первая, 1, кв. 12, Горячая вода, № 68410001");
        assertThat(lines.object(meter, Locale.ENGLISH)).isEqualTo("ул. Первая, 1, apt. 12, Hot water, № 68410001");
        assertThat(lines.object("ул. Первая, 1, HEAT", Locale.ENGLISH)).isEqualTo("ул. Первая, 1, Heat");
        assertThat(lines.object("ул. Первая, 1, канал/channel «Шлюз А»", RU)).isEqualTo("ул. Первая, 1, канал «Шлюз А»");
        assertThat(lines.object("концентратор/concentrator «Двор»", Locale.ENGLISH)).isEqualTo("concentrator «Двор»");
    }

    @Test
    void besideItsAddressALabelLeavesTheAddressOut() {
        assertThat(AlarmLines.withoutAddress("ул. Первая, 1, кв. 12, Тепло", "ул. Первая, 1")).isEqualTo("кв. 12, Тепло");
        assertThat(AlarmLines.withoutAddress("ул. Первая, 1, Тепло", "ул. Первая, 1")).isEqualTo("Тепло");
        assertThat(AlarmLines.withoutAddress("ул. Первая, 12, Тепло", "ул. Первая, 1")).as("another address")
                .isEqualTo("ул. Первая, 12, Тепло");
        assertThat(AlarmLines.withoutAddress("канал «Шлюз»", null)).isEqualTo("канал «Шлюз»");
    }

    @Test
    void whatTheLabelDoesNotSayInBothLanguagesIsShownAsRecorded() {
        // a street called like a resource in lower case, or a label of another shape, is nobody's resource name
        assertThat(lines.object("heat, 5, Gas", Locale.ENGLISH)).isEqualTo("heat, 5, Gas");
        assertThat(lines.object("Boiler room", RU)).isEqualTo("Boiler room");
        assertThat(lines.object(null, RU)).isEmpty();
    }

    @Test
    void aBadgeCountsTheOpenAlarmsInTheColourOfTheWorst() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        counts.put(Severity.INFO, 2);
        counts.put(Severity.WARNING, 1);
        AlarmBadge badge = AlarmBadge.of(counts);
        assertThat(badge.count()).isEqualTo(3);
        assertThat(badge.worst()).isEqualTo(Severity.WARNING);
        counts.put(Severity.CRITICAL, 4);
        assertThat(AlarmBadge.of(counts).worst()).isEqualTo(Severity.CRITICAL);
        assertThat(AlarmBadge.of(counts).count()).isEqualTo(7);
        assertThat(AlarmBadge.of(Map.of(Severity.INFO, 1)).worst()).isEqualTo(Severity.INFO);
        assertThat(AlarmBadge.of(Map.of())).as("no badge without alarms").isNull();
        assertThat(AlarmBadge.of(null)).isNull();
    }

    @Test
    void everyKindHasPlainWordsForResidentsInBothLanguages() {
        for (RuleKind kind : RuleKind.values()) {
            String ru = messages.getMessage("alarms.plain." + kind, null, null, RU);
            String en = messages.getMessage("alarms.plain." + kind, null, null, Locale.ENGLISH);
            assertThat(ru).as(kind + " in Russian").isNotBlank().matches("(?s)[^A-Za-z]*");
            assertThat(en).as(kind + " in English").isNotBlank().isNotEqualTo(ru).matches("(?s)[^А-Яа-яЁё]*");
        }
        assertThat(messages.getMessage("alarms.plain.LEAK", null, RU))
                .isEqualTo("Счётчик воды показывает расход каждый час в течение суток — возможно, течёт кран или бачок.");
    }

    @Test
    void aBadgeSaysHowManyInTheNumbersPluralForm() {
        Formats fmt = new Formats(messages);
        LocaleContextHolder.setLocale(RU);
        try {
            assertThat(fmt.count("alarms.badge", 1)).isEqualTo("1 открытая авария");
            assertThat(fmt.count("alarms.badge", 3)).isEqualTo("3 открытые аварии");
            assertThat(fmt.count("alarms.badge", 5)).isEqualTo("5 открытых аварий");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(fmt.count("alarms.badge", 1)).isEqualTo("1 open alarm");
            assertThat(fmt.count("alarms.badge", 2)).isEqualTo("2 open alarms");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
