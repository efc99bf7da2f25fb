package org.openamr.server.web.acquisition;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.server.channel.ChannelKind;

/**
 * The channels a user sees: how each reaches its meters, when it is polled and how its last poll went.
 *
 * @param mayOperate   the user may change schedules and start reads and searches (else the page is read-only)
 * @param saved        the channel whose schedule was just saved, if any
 * @param scheduleError a refused schedule, shown at its channel with what was typed
 * @param startError   why a read or search could not be started
 */
public record AcquisitionPage(boolean mayOperate, List<ChannelCard> channels, UUID saved, ScheduleError scheduleError,
                              String startError) {

    /**
     * @param building the building's address; null for a channel of no building (administrators only)
     * @param zone     the building's time zone: schedules run and times are shown in it
     * @param modbusMap a MODBUS channel's register map for meters whose model names none; null otherwise
     */
    public record ChannelCard(UUID id, String name, ChannelKind kind, String address, int baud, boolean enabled,
                              UUID buildingId, String building, ZoneId zone, long meters, Schedule schedule,
                              RunFigures lastPoll, List<CollectorRow> collectors, String modbusMap) {

        public boolean polled() {
            return kind.polled();
        }
    }

    /**
     * An OpenAMR collector delivering through a concentrator channel, as its last contact left it.
     *
     * @param queueDepth readouts waiting in its store as it reported, null if it never said
     * @param lastBatch  the highest batch number stored, null if none yet
     */
    public record CollectorRow(String id, Instant lastContact, Long queueDepth, String version, Long lastBatch) {
    }

    /**
     * @param cron  as stored; null: polled on demand only
     * @param words the schedule said in the reader's language
     * @param next  the next slot after now
     */
    public record Schedule(String cron, String words, Instant next) {
    }

    public record ScheduleError(UUID channel, String given, String message) {
    }

    /**
     * A poll or search run in figures.
     *
     * @param status  RUNNING, OK, PARTIAL or FAILED
     * @param errors  meters that answered wrongly or could not be reached, silent ones not counted
     * @param duration null while it runs
     */
    public record RunFigures(UUID id, String kind, String trigger, Instant startedAt, String status, int total,
                             int read, int silent, int errors, Integer found, int created, int readingsInserted,
                             Duration duration, Said message) {
    }
}
