package org.openamr.server.report.subscription;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.format.ReportFormat;

/** A subscription as asked for, checked ({@link SubscriptionService#create}) before it is stored. */
public record NewSubscription(String name, ReportKind kind, UUID scope, PeriodRule periodRule, Integer lastDays,
                              List<ReportFormat> formats, HeatUnit heatUnit, Locale locale, String cron, ZoneId zone,
                              List<String> recipients) {

    /** The same with heat in the given unit. */
    public NewSubscription withHeatUnit(HeatUnit unit) {
        return new NewSubscription(name, kind, scope, periodRule, lastDays, formats, unit, locale, cron, zone, recipients);
    }

    /**
     * A subscription from the words of a form or a JSON body; {@code period} defaults to PREVIOUS_MONTH, heat to
     * none (null: the service takes the management company's unit), the language to Russian, the zone to Moscow.
     *
     * @throws BadRequestException naming the field that is wrong
     */
    public static NewSubscription parse(String name, String kind, UUID scope, String period, Integer lastDays,
            List<String> formats, String heatUnit, String lang, String cron, String timeZone, List<String> recipients) {
        ReportKind k = ReportKind.named(kind).orElseThrow(() -> new BadRequestException(
                "field 'kind': '" + kind + "' is not one of " + ReportKind.names()));
        PeriodRule rule;
        try {
            rule = PeriodRule.valueOf(period == null || period.isBlank() ? "PREVIOUS_MONTH"
                    : period.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("field 'period': '" + period
                    + "' is not one of PREVIOUS_MONTH, MONTH_TO_DATE, LAST_DAYS");
        }
        List<ReportFormat> parsedFormats = (formats == null ? List.<String>of() : formats).stream()
                .map(f -> ReportFormat.named(f).orElseThrow(() -> new BadRequestException(
                        "field 'formats': '" + f + "' is not one of " + ReportFormat.names())))
                .distinct().toList();
        HeatUnit heat = heatUnit == null || heatUnit.isBlank() ? null : HeatUnit.named(heatUnit).orElseThrow(
                () -> new BadRequestException("field 'heatUnit': '" + heatUnit + "' is not one of gcal, kwh, gj"));
        String language = lang == null || lang.isBlank() ? "ru" : lang.trim().toLowerCase(Locale.ROOT);
        if (!language.equals("ru") && !language.equals("en")) {
            throw new BadRequestException("field 'lang': '" + lang + "' is not one of ru, en");
        }
        return new NewSubscription(name == null ? null : name.trim(), k, scope, rule, lastDays, parsedFormats, heat,
                Locale.forLanguageTag(language), cron == null ? null : cron.trim(), SubscriptionService.zone(timeZone),
                SubscriptionService.recipients(recipients));
    }
}
