package org.openamr.collector.output;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.collector.delivery.Batch;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;

/** Batches with the values the outputs must carry exactly: Gcal, stored values, long fractions, big numbers. */
public final class TestBatches {

    public static final String COLLECTOR = "lenina-12";
    public static final Instant T0 = Instant.parse("2026-12-05T10:15:00Z");

    private TestBatches() {
    }

    /** A heat meter (Danfoss, Gcal) and a water meter, read at T0 and T0 + 15 min. */
    public static Batch heatAndWater(long sequence) {
        MeterIdentity heat = new MeterIdentity("12345678", Optional.of("DFS"), Optional.of(0x1B), Optional.of(0x04));
        MeterIdentity water = new MeterIdentity("87654321", Optional.of("ZRI"), Optional.empty(), Optional.of(0x07));
        MeterReadout heatReadout = new MeterReadout(heat, T0, List.of(
                new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.GCAL), T0, new BigDecimal("1.234567")),
                new RegisterValue(RegisterKey.current(Quantity.VOLUME, Unit.M3), T0, new BigDecimal("123456789.000123")),
                new RegisterValue(RegisterKey.current(Quantity.FLOW_TEMPERATURE, Unit.CELSIUS), T0, new BigDecimal("70.10")),
                new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.GCAL, 1, 0, 0, Function.INSTANTANEOUS),
                        Instant.parse("2026-11-30T21:00:00Z"), new BigDecimal("1.2")),
                new RegisterValue(new RegisterKey(Quantity.POWER, Unit.KW, 0, 0, 0, Function.MAXIMUM), T0,
                        new BigDecimal("1E-7"))),
                List.of(new MeterCondition("LOW_BATTERY", "Battery low; replace", "Батарея разряжена", false)));
        MeterReadout waterReadout = new MeterReadout(water, T0.plusSeconds(900), List.of(
                new RegisterValue(RegisterKey.current(Quantity.VOLUME, Unit.M3), T0.plusSeconds(900), new BigDecimal("42.001"))),
                List.of());
        return new Batch(COLLECTOR, sequence, List.of(heatReadout, waterReadout));
    }

    /** The CSV rows a batch must give, as the header's fields, for comparing with what arrived. */
    public static List<List<String>> expectedRows(Batch batch) {
        List<List<String>> rows = new ArrayList<>();
        for (MeterReadout r : batch.readouts()) {
            for (RegisterValue v : r.values()) {
                rows.add(List.of(batch.collector(), r.meter().serial(), r.meter().manufacturer().orElse(""),
                        v.key().quantity().jsonName(), v.value().toPlainString(), v.key().unit().symbol(),
                        Long.toString(v.key().storage())));
            }
        }
        return rows;
    }

    /** The same columns as {@link #expectedRows} read from CSV text (no quoted fields in the test batches). */
    public static List<List<String>> rows(byte[] csv) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(";", -1);
            rows.add(List.of(f[0], f[1], f[2], f[5], f[6], f[7], f[8]));
        }
        return rows;
    }
}
