package org.openamr.gateway.reading;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.gateway.image.MeterSnapshot;
import org.openamr.gateway.image.MeterValues;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.MeterStatus;
import org.openamr.gateway.meters.MeterEntry;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.value.Value;

/**
 * What the gateway knows of one listed meter, changed only by the reading thread. A failed read-out
 * changes the status and the attempt counters, never the values: those stay the last good ones, with
 * their age.
 */
final class SlotState {

    private final MeterEntry entry;
    private MeterStatus status = MeterStatus.NOT_READ_YET;
    private SecondaryAddress identity;
    private int flags;
    private Instant lastReadout;
    private Instant lastAttempt;
    private int failures;
    private MeterValues values = MeterValues.NONE;
    private OptionalLong errorCode = OptionalLong.empty();

    SlotState(MeterEntry entry) {
        this.entry = entry;
    }

    MeterEntry entry() {
        return entry;
    }

    MeterStatus status() {
        return status;
    }

    Optional<SecondaryAddress> identity() {
        return Optional.ofNullable(identity);
    }

    void succeeded(Readout raw, MeterReadout readout, Instant at) {
        LongHeader h = raw.header();
        status = MeterStatus.OK;
        identity = h.secondaryAddress();
        errorCode = errorCode(raw);
        flags = flags(h.status()) | (errorCode.orElse(0) != 0 ? Layout.FLAG_ERROR_CODE : 0);
        lastReadout = readout.readAt();
        lastAttempt = at;
        failures = 0;
        values = MeterValues.of(readout);
    }

    void failed(MeterStatus why, Instant at) {
        status = why;
        lastAttempt = at;
        failures++;
    }

    MeterSnapshot snapshot() {
        OptionalInt primary = entry.address().primary() != null ? OptionalInt.of(entry.address().primary())
                : OptionalInt.empty();
        return new MeterSnapshot(entry.slot(), status, primary, identity(), flags, Optional.ofNullable(lastReadout),
                Optional.ofNullable(lastAttempt), failures, values, errorCode);
    }

    private static int flags(StatusByte s) {
        return (s.applicationBusy() ? Layout.FLAG_BUSY : 0) | (s.applicationError() ? Layout.FLAG_APPLICATION_ERROR : 0)
                | (s.powerLow() ? Layout.FLAG_POWER_LOW : 0) | (s.permanentError() ? Layout.FLAG_PERMANENT_ERROR : 0)
                | (s.temporaryError() ? Layout.FLAG_TEMPORARY_ERROR : 0);
    }

    /** The meter's current error code register, as sent (the read-out keeps only its meanings). */
    private static OptionalLong errorCode(Readout raw) {
        for (DataRecord r : raw.records()) {
            if (r.quantity() == Quantity.ERROR_FLAGS && r.storageNumber() == 0 && r.value() instanceof Value.Numeric n) {
                return OptionalLong.of(n.amount().longValue());
            }
        }
        return OptionalLong.empty();
    }
}
