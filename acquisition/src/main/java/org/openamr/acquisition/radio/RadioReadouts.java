package org.openamr.acquisition.radio;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.WirelessTelegram;

/**
 * A decoded wireless telegram as a {@link MeterReadout}, the same shape a wired readout has, so that
 * the collector stores and delivers radio and wired meters alike.
 */
public final class RadioReadouts {

    private final TelegramReadouts telegrams;
    private final ZoneId meterZone;

    public RadioReadouts(TelegramReadouts telegrams, ZoneId meterZone) {
        this.telegrams = telegrams;
        this.meterZone = meterZone;
    }

    /** The meter a telegram names: its transport header's long address, else the link layer's sender. */
    public static MeterIdentity identity(WirelessTelegram t) {
        MeterAddress a = t.meter();
        return new MeterIdentity(a.id(), Optional.of(a.manufacturerLetters()), Optional.of(a.version()),
                Optional.of(a.deviceType()));
    }

    /** Empty when the telegram carries no records (no key, an alarm, a manufacturer's own format). */
    public Optional<MeterReadout> readout(WirelessTelegram t, Instant heardAt) {
        RecordSet records = t.records();
        if (records == null) {
            return Optional.empty();
        }
        return Optional.of(telegrams.toReadout(identity(t), t.status(), records.records(), heardAt, meterZone));
    }
}
