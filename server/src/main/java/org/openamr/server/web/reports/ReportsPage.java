package org.openamr.server.web.reports;

import java.util.List;
import java.util.UUID;
import org.openamr.server.report.subscription.ReportRun;
import org.openamr.server.report.subscription.Subscription;

/**
 * The reports page: the choice of report (what the reader may ask for), a preview of the chosen one, and the
 * reader's scheduled reports with their recent runs.
 *
 * @param choice   the form's current values, kept in the URL
 * @param preview  the first rows of the report, null before «Show»
 * @param error    why the report could not be made, null when it could
 */
record ReportsPage(Choice choice, List<Option> kinds, List<Option> scopes, List<String> formats,
                   List<String> heatUnits, Preview preview, String error, boolean maySubscribe, boolean mailEnabled,
                   List<SubscriptionRow> subscriptions, SubscriptionForm form, List<String> formErrors) {

    record Choice(String kind, String scope, String month, String from, String to, String format, String heatUnit) {

        /** The same choice as the download's query string. */
        public String query() {
            StringBuilder b = new StringBuilder("kind=").append(kind).append("&format=").append(format)
                    .append("&heatUnit=").append(heatUnit);
            if (scope != null && !scope.isBlank()) {
                b.append("&scope=").append(scope);
            }
            if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
                b.append("&from=").append(from).append("&to=").append(to);
            } else if (month != null && !month.isBlank()) {
                b.append("&month=").append(month);
            }
            return b.toString();
        }
    }

    /** @param label already in the reader's language */
    record Option(String value, String label) {
    }

    /** @param more rows not shown */
    record Preview(String title, List<String> header, List<String> columns, List<List<String>> rows,
                   List<Boolean> numeric, int more) {
    }

    record SubscriptionRow(Subscription subscription, String scopeLabel, List<ReportRun> runs) {
        public UUID id() {
            return subscription.publicId();
        }
    }

    /** The new subscription form, as typed. */
    record SubscriptionForm(String name, String kind, String scope, String period, Integer lastDays,
                            List<String> formats, String cron, String timeZone, String recipients) {
        public static SubscriptionForm blank() {
            return new SubscriptionForm("", "statement", "", "PREVIOUS_MONTH", null, List.of("xlsx", "pdf"),
                    "0 0 8 23 * *", "Europe/Moscow", "");
        }
    }
}
