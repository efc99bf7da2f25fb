package org.openamr.server.web.acquisition;

import java.time.ZoneId;
import java.util.UUID;
import org.openamr.server.channel.JobStatus;
import org.openamr.server.channel.RunKind;
import org.openamr.server.channel.SearchSpec;

/**
 * A read-now or search job as its panel shows it while the page polls it.
 *
 * @param mode     how a search looks for meters; null for a poll
 * @param done     meters handled so far (a poll); null before it knows
 * @param percent  share of the work done, 0–100; null before it knows
 * @param found    meters found so far (a search)
 * @param message  what the job waits for or did, in the reader's language
 * @param run      the run the job started, once it started
 * @param channelMeters meters now on the channel, for the channel's card once the job is over
 * @param lastPoll the channel's newest poll, for its card once the job is over
 */
public record JobPanel(UUID id, UUID channelId, RunKind kind, SearchSpec.Mode mode, JobStatus status, Integer done,
                       Integer total, Integer percent, Integer found, Said message, Said error,
                       AcquisitionPage.RunFigures run, ZoneId zone, long channelMeters,
                       AcquisitionPage.RunFigures lastPoll) {

    public boolean finished() {
        return status.over();
    }
}
