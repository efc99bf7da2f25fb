package org.openamr.server.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When a meter counts as silent: no reading for longer than {@value #SLOTS} slots of its channel's
 * schedule, and never sooner than {@link #MINIMUM} (a meter read every minute is not silent after two
 * minutes; one read daily is after two missed days; one read monthly after two missed months). Meters
 * of channels without a schedule (concentrators push when they please) get the minimum.
 */
@Component
public class SilenceRule {

    public static final Duration MINIMUM = Duration.ofHours(48);
    public static final int SLOTS = 2;

    private final ChannelRepository channels;

    SilenceRule(ChannelRepository channels) {
        this.channels = channels;
    }

    /**
     * The channels whose meters may stay silent for longer than {@link #MINIMUM}, with how long. Only
     * durations leave this method, nothing of the channels themselves.
     */
    public Map<Long, Duration> longerThanMinimum(Instant now) {
        Map<Long, Duration> out = new HashMap<>();
        schedulePeriods(now).forEach((channel, slot) -> {
            if (slot.multipliedBy(SLOTS).compareTo(MINIMUM) > 0) {
                out.put(channel, slot.multipliedBy(SLOTS));
            }
        });
        return out;
    }

    /**
     * The time between two scheduled polls of each enabled polled channel with a schedule, by channel id: the
     * period the alarm rules count silence in, so that they and this page agree.
     */
    public Map<Long, Duration> schedulePeriods(Instant now) {
        Map<Long, Duration> out = new HashMap<>();
        for (ChannelRepository.Scheduled s : channels.scheduled()) {
            Duration slot = slot(s.channel().scheduleCron(), s.channel().zone(), now);
            if (slot != null) {
                out.put(s.channel().id(), slot);
            }
        }
        return out;
    }

    /** The time between the schedule's next two slots; null for a schedule that does not parse or ends. */
    static Duration slot(String cron, ZoneId zone, Instant now) {
        try {
            CronExpression expression = CronExpression.parse(cron);
            ZonedDateTime first = expression.next(now.atZone(zone));
            ZonedDateTime second = first == null ? null : expression.next(first);
            return second == null ? null : Duration.between(first, second);
        } catch (IllegalArgumentException notCron) {
            return null;
        }
    }
}
