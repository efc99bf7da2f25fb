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
                          Instant at, String error) {
    }
}
