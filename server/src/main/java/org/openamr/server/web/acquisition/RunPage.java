package org.openamr.server.web.acquisition;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.server.channel.Text;

/** One poll or search of a channel with what it did to every meter. */
public record RunPage(UUID channelId, String channelName, ZoneId zone, AcquisitionPage.RunFigures run,
                      List<Outcome> meters) {

    /** @param result READ, SILENT or ERROR */
    public record Outcome(String serial, String manufacturer, String addressedBy, String result, int valuesRead,
                          Instant at, Said error) {

        /**
         * How the meter was addressed in the reader's language: the run stores it as the poll and the search
         * write it for the API ("primary address 5", "secondary address …", "Modbus unit 5", "none"), and the page says it with
         * {@code acq.addressedBy.*}; anything else is shown as stored.
         */
        public Addressing addressing() {
            if ("none".equals(addressedBy)) {
                return new Addressing("acq.addressedBy.none", null);
            }
            Text said = Text.address(addressedBy);
            return said.kind() == Text.Kind.RAW ? new Addressing(null, addressedBy)
                    : new Addressing(said.kind().key(), (String) said.args().get(0));
        }
    }

    /** @param key a message key, null when the stored text is not one the page knows */
    public record Addressing(String key, String value) {
    }
}
