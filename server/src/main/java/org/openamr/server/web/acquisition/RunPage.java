package org.openamr.server.web.acquisition;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** One poll or search of a channel with what it did to every meter. */
public record RunPage(UUID channelId, String channelName, ZoneId zone, AcquisitionPage.RunFigures run,
                      List<Outcome> meters) {

    /** @param result READ, SILENT or ERROR */
    public record Outcome(String serial, String manufacturer, String addressedBy, String result, int valuesRead,
                          Instant at, Said error) {

        private static final java.util.regex.Pattern STORED =
                java.util.regex.Pattern.compile("(primary|secondary) address (.+)");

        /**
         * How the meter was addressed in the reader's language: the run stores it as the poll and the search
         * write it for the API ("primary address 5", "secondary address …", "none"), and the page says it with
         * {@code acq.addressedBy.*}; anything else is shown as stored.
         */
        public Addressing addressing() {
            if ("none".equals(addressedBy)) {
                return new Addressing("acq.addressedBy.none", null);
            }
            java.util.regex.Matcher m = addressedBy == null ? null : STORED.matcher(addressedBy);
            return m != null && m.matches() ? new Addressing("acq.addressedBy." + m.group(1), m.group(2))
                    : new Addressing(null, addressedBy);
        }
    }

    /** @param key a message key, null when the stored text is not one the page knows */
    public record Addressing(String key, String value) {
    }
}
