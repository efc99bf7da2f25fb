package org.openamr.server.report.subscription;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openamr.server.report.HeatUnit;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.format.ReportFormat;

/** A subscription as asked for, checked ({@link SubscriptionService#create}) before it is stored. */
public record NewSubscription(String name, ReportKind kind, UUID scope, PeriodRule periodRule, Integer lastDays,
                              List<ReportFormat> formats, HeatUnit heatUnit, Locale locale, String cron, ZoneId zone,
                              List<String> recipients) {
}
