package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Display formatting: exact Gcal, numbers and dates in the reader's language, a gap never shown as 0. */
class WebFormatsTest {

    private final Formats fmt = new Formats(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void gcalIsKwhOver1163Exactly() {
        assertThat(Formats.toGcal(new BigDecimal("1163"))).isEqualByComparingTo("1");
        assertThat(Formats.toGcal(new BigDecimal("2326.000"))).isEqualByComparingTo("2");
        // 1 kWh = 0.000859845… Gcal: kept to nine decimals, rounded half-even only there
        assertThat(Formats.toGcal(BigDecimal.ONE)).isEqualTo(new BigDecimal("0.000859845"));
        assertThat(Formats.toGcal(null)).isNull();
    }

    @Test
    void numbersFollowTheLanguageAndAGapIsADash() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(fmt.num(new BigDecimal("12345.6789"), 2)).isEqualTo("12\u00a0345,68");
        assertThat(fmt.gcal(new BigDecimal("2260"), 3)).isEqualTo("1,943");
        assertThat(fmt.unit("m³")).isEqualTo("м³");
        assertThat(fmt.num(null, 2)).isEqualTo("—");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.num(new BigDecimal("12345.6789"), 2)).isEqualTo("12,345.68");
        assertThat(fmt.num(new BigDecimal("0.125"), 2)).as("half-even").isEqualTo("0.12");
        assertThat(fmt.exact(new BigDecimal("33818.250"))).isEqualTo("33,818.25");
        assertThat(fmt.unit("kWh")).isEqualTo("kWh");
    }

    @Test
    void monthsAndDatesInTheBuildingsZone() {
        Instant start = Instant.parse("2026-10-31T21:00:00Z");
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(fmt.month(start, moscow)).isEqualTo("ноябрь 2026");
        assertThat(fmt.day(start, moscow)).isEqualTo("01.11");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.month(start, moscow)).isEqualTo("November 2026");
        assertThat(fmt.day(java.time.LocalDate.of(2026, 11, 1))).isEqualTo("Nov 1, 2026");
        assertThat(fmt.dateTime(start, moscow)).isEqualTo("Nov 1, 2026 00:00");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(fmt.day(java.time.LocalDate.of(2026, 11, 1))).contains("1", "нояб", "2026");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.age(null)).isEqualTo("never");
    }

    @Test
    void periodsNeverIncludeTodayAndTheFirstShowsTheMonthBefore() {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        var midMonth = java.time.Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), moscow);
        assertThat(Period.monthSoFar(moscow, midMonth)).isEqualTo(new Period(java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 11, 24)));
        // 00:30 on the 1st in Moscow is still the 31st in UTC: the building's calendar decides
        var first = java.time.Clock.fixed(Instant.parse("2026-11-30T21:30:00Z"), moscow);
        assertThat(Period.monthSoFar(moscow, first)).isEqualTo(new Period(java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aNumberBeforeANounTakesTheLanguagesPluralForm() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(java.util.stream.LongStream.of(1, 2, 5, 11, 12, 21, 22, 25, 31, 111, 112, 101)
                .mapToObj(n -> fmt.count("building.byDay", n)).toList()).containsExactly(
                "По суткам, последний 1 день", "По суткам, последние 2 дня", "По суткам, последние 5 дней",
                "По суткам, последние 11 дней", "По суткам, последние 12 дней", "По суткам, последний 21 день",
                "По суткам, последние 22 дня", "По суткам, последние 25 дней", "По суткам, последний 31 день",
                "По суткам, последние 111 дней", "По суткам, последние 112 дней", "По суткам, последний 101 день");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.count("building.byDay", 1)).isEqualTo("By day, the last 1 day");
        assertThat(fmt.count("building.byDay", 31)).isEqualTo("By day, last 31 days");
    }

    @Test
    void aFreshReadingIsJustNowNotZeroMinutesAgo() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(fmt.age(java.time.Instant.now().minusSeconds(20))).isEqualTo("только что");
        assertThat(fmt.age(java.time.Instant.now().minusSeconds(150))).isEqualTo("2 мин назад");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.age(java.time.Instant.now())).isEqualTo("just now");
    }
}
