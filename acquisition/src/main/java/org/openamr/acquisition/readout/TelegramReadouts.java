package org.openamr.acquisition.readout;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.profile.DeviceProfile;
import org.openamr.mbus.profile.DeviceProfiles;
import org.openamr.mbus.profile.ErrorMeaning;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.value.Value;

/**
 * Turns the telegrams of one M-Bus readout into a {@link MeterReadout}: a pure function of the
 * readout, the device profiles and the zone the meter's clock runs in (Russian meters show local
 * time; a due date 2026-11-01 means midnight there).
 */
public final class TelegramReadouts {

    private final DeviceProfiles profiles;

    public TelegramReadouts(DeviceProfiles profiles) {
        this.profiles = profiles;
    }

    public static TelegramReadouts builtIn() {
        return new TelegramReadouts(DeviceProfiles.builtIn());
    }

    /**
     * @throws IllegalArgumentException when the readout has no long header: without one, no meter
     *         identity is known and the values could be filed under the wrong meter
     */
    public MeterReadout toReadout(Readout readout, ZoneId meterZone) {
        LongHeader header = readout.header();
        if (header == null) {
            throw new IllegalArgumentException("readout of " + readout.slave() + " has no long header, so its meter is unknown");
        }
        MeterIdentity identity = new MeterIdentity(header.id(), Optional.of(header.manufacturerLetters()),
                Optional.of(header.version()), Optional.of(header.medium()));
        return toReadout(identity, header.status(), readout.records(), readout.readAt(), meterZone);
    }

    /**
     * The same for records that came another way, e.g. a wireless telegram: the meter named by its
     * link or transport header, its status byte (null when it sent none) and when it was heard.
     */
    public MeterReadout toReadout(MeterIdentity identity, StatusByte status, List<DataRecord> records, Instant readAt,
                                  ZoneId meterZone) {
        Optional<DeviceProfile> profile = profileOf(identity, profiles);
        Map<Long, Instant> storedAt = storageTimes(records, meterZone);
        List<RegisterValue> values = new ArrayList<>();
        List<MeterCondition> conditions = new ArrayList<>(status == null ? List.of() : statusConditions(status));
        for (DataRecord r : records) {
            if (!(r.value() instanceof Value.Numeric n)) {
                continue;
            }
            if (r.quantity() == Quantity.ERROR_FLAGS) {
                conditions.addAll(errorConditions(n.amount().longValueExact(), profile));
                continue;
            }
            Instant at = r.storageNumber() == 0 ? readAt : storedAt.get(r.storageNumber());
            if (at == null) {
                // A stored value without its date cannot be placed in time; filing it at the read
                // time would present an old value as a current one.
                continue;
            }
            values.add(new RegisterValue(RegisterKey.of(r), at, n.amount()));
        }
        return new MeterReadout(identity, readAt, dropRepeatedKeys(values), conditions);
    }

    /** The device profile of a meter whose maker and version are known. */
    static Optional<DeviceProfile> profileOf(MeterIdentity identity, DeviceProfiles profiles) {
        return identity.manufacturer().isPresent() && identity.version().isPresent()
                ? profiles.find(identity.manufacturer().get(), identity.version().get()) : Optional.empty();
    }

    private static Map<Long, Instant> storageTimes(List<DataRecord> records, ZoneId zone) {
        Map<Long, Instant> times = new HashMap<>();
        for (DataRecord r : records) {
            if (r.storageNumber() == 0) {
                continue;
            }
            Instant at = null;
            if (r.value() instanceof Value.Date d) {
                at = dueMoment(d.date(), zone);
            } else if (r.value() instanceof Value.DateTime dt) {
                at = localTime(dt.dateTime(), zone);
            }
            if (at != null && (r.quantity() == Quantity.DATE || r.quantity() == Quantity.DATE_TIME)) {
                times.putIfAbsent(r.storageNumber(), at);
            }
        }
        return times;
    }

    /**
     * The moment a date-only stored value belongs to. A due date is a day whose end the value was
     * stored at: Danfoss and Diehl meters store at 00:00 on the 1st and show the last day of the
     * month that ended (31.03 for the value at 01.04 00:00). A meter that shows the 1st itself
     * means that day's 00:00 — both readings then land on the same instant, as they should.
     */
    static Instant dueMoment(java.time.LocalDate date, ZoneId zone) {
        java.time.LocalDate day = date.getDayOfMonth() == 1 ? date : date.plusDays(1);
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant localTime(LocalDateTime time, ZoneId zone) {
        return time.atZone(zone).toInstant();
    }

    /** A telegram may repeat a register (e.g. two volume records in different units); the first one counts. */
    private static List<RegisterValue> dropRepeatedKeys(List<RegisterValue> values) {
        Map<RegisterKey, RegisterValue> first = new java.util.LinkedHashMap<>();
        for (RegisterValue v : values) {
            first.putIfAbsent(v.key(), v);
        }
        return List.copyOf(first.values());
    }

    private static List<MeterCondition> statusConditions(StatusByte status) {
        List<MeterCondition> list = new ArrayList<>();
        if (status.applicationBusy()) {
            list.add(new MeterCondition("STATUS_BUSY", "Application busy", "Прибор занят", false));
        }
        if (status.applicationError()) {
            list.add(new MeterCondition("STATUS_APPLICATION_ERROR", "Application error", "Ошибка приложения", false));
        }
        if (status.powerLow()) {
            list.add(new MeterCondition("STATUS_POWER_LOW", "Power low", "Низкий заряд питания", false));
        }
        if (status.permanentError()) {
            list.add(new MeterCondition("STATUS_PERMANENT_ERROR", "Permanent error", "Постоянная ошибка", true));
        }
        if (status.temporaryError()) {
            list.add(new MeterCondition("STATUS_TEMPORARY_ERROR", "Temporary error", "Временная ошибка", false));
        }
        return list;
    }

    /** The conditions an error-code register's value stands for, named by the profile where there is one. */
    static List<MeterCondition> errorConditions(long code, Optional<DeviceProfile> profile) {
        if (code == 0) {
            return List.of();
        }
        if (profile.isEmpty()) {
            String hex = String.format("%04X", code);
            return List.of(new MeterCondition("ERROR_" + hex, "Error code " + hex, "Код ошибки " + hex, false));
        }
        List<MeterCondition> list = new ArrayList<>();
        for (ErrorMeaning m : profile.get().errorsOf(code)) {
            list.add(new MeterCondition(m.code(), m.labelEn(), m.labelRu(), m.stopsIntegration()));
        }
        return list;
    }
}
