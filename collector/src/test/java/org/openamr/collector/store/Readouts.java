package org.openamr.collector.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;

/** Readouts made up for tests: meter {@code serial}, value {@code n} with three decimals. */
public final class Readouts {

    private Readouts() {
    }

    public static MeterReadout readout(String serial, long n) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n);
        return new MeterReadout(new MeterIdentity(serial, Optional.of("DFS"), Optional.of(2), Optional.of(4)), at,
                List.of(new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH), at,
                                new BigDecimal(n + ".000")),
                        new RegisterValue(new RegisterKey(Quantity.VOLUME, Unit.M3, 1, 0, 0, Function.INSTANTANEOUS),
                                Instant.parse("2025-12-01T00:00:00Z"), new BigDecimal("0.10"))),
                List.of(new MeterCondition("STATUS_POWER_LOW", "Power low", "Низкий заряд питания", false)));
    }

    /** The number a readout of {@link #readout} was made with. */
    public static long number(MeterReadout r) {
        return r.values().get(0).value().longValueExact();
    }
}
