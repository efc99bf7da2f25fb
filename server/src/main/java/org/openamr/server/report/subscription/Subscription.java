package org.openamr.server.report.subscription;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.format.ReportFormat;

/**
 * A scheduled report: what, for which scope and period, in which formats, when (cron in the subscription's time
 * zone) and to whom. It is made with its owner's rights.
 *
 * @param scope    a building, entrance or premise; null for everything the owner sees
 * @param lastDays for {@link PeriodRule#LAST_DAYS}, else null
 */
public record Subscription(long id, UUID publicId, long ownerId, String ownerName, String name, ReportKind kind,
                           UUID scope, PeriodRule periodRule, Integer lastDays, List<ReportFormat> formats,
                           HeatUnit heatUnit, Locale locale, String cron, ZoneId zone, List<String> recipients,
                           boolean enabled, Instant lastSlotAt, Instant createdAt) {

    public Subscription {
        formats = List.copyOf(formats);
        recipients = List.copyOf(recipients);
    }
}
