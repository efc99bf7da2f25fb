package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.link.ControlField;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;

/**
 * The backfill must file every value under the register and at the moment a poll of the same meter
 * does, or polled and backfilled histories would be two registers. Checked against real telegrams:
 * read over the demo's TCP bus as the poller reads, and encoded to bytes and decoded for every kind
 * of virtual meter.
 */
class ModelReadoutsTest {

    /** Mid-month and mid-morning: due-date values of the previous month, water flowing. */
    private static final Instant NOW = LocalDateTime.of(2026, 2, 17, 9, 47, 31).atZone(DemoBuilding.ZONE).toInstant();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TelegramReadouts telegrams = TelegramReadouts.builtIn();
    private final ModelReadouts model = new ModelReadouts(TelegramReadouts.builtIn(), DemoBuilding.ZONE);

    /**
     * What a poll stores of the readout that the backfill also writes: cumulative and due-date registers, and of the
     * house heat meter its power, flow, temperatures and hours.
     */
    private static List<RegisterValue> backfillable(MeterType type, MeterReadout polled) {
        return polled.values().stream().filter(v -> type == DemoBuilding.HOUSE_HEAT_METER
                ? ModelReadouts.backfilledForHouseHeat(v.key()) : ModelReadouts.backfilled(v.key())).toList();
    }

    /** The one readout of a meter that reported the same conditions all along. */
    private static MeterReadout only(List<MeterReadout> readouts) {
        assertThat(readouts).hasSize(1);
        return readouts.get(0);
    }

    @Test
    void aPollOverTheDemoBusStoresTheSameKeysTimesAndValuesAsTheBackfill() throws Exception {
        DemoBuilding building = new DemoBuilding(new DemoProperties(true, 2024, 1, 2, 1, 1, 0, Duration.ofSeconds(120)));
        try (DemoBus bus = DemoBus.start(building, CLOCK);
             MBusMaster master = BusConnection.of(bus.channelAddress(), DemoBuilding.BAUD).open(CLOCK)) {
            List<MeterType> kinds = new ArrayList<>();
            for (VirtualMeter meter : bus.bus().meters()) {
                Readout read = master.read(meter.primaryAddress());
                assertThat(read.readAt()).isEqualTo(NOW);
                MeterReadout polled = telegrams.toReadout(read, DemoBuilding.ZONE);
                MeterReadout backfilled = only(model.readouts(meter, List.of(NOW)));
                assertThat(backfilled.meter()).isEqualTo(polled.meter());
                assertThat(backfilled.conditions()).isEqualTo(polled.conditions());
                assertThat(backfilled.values()).as("%s", meter)
                        .containsExactlyInAnyOrderElementsOf(backfillable(meter.type(), polled))
                        .anyMatch(v -> v.key().storage() == 1 && v.value().signum() > 0);
                kinds.add(meter.type());
            }
            assertThat(kinds).containsExactly(MeterType.SONOSAFE_10, MeterType.SONOSAFE_10, MeterType.SONOMETER_1100,
                    MeterType.COLD_WATER);
        }
    }

    @Test
    void everyKindOfVirtualMeterDecodesToTheBackfillsKeys() throws Exception {
        ConsumptionModel consumption = new ConsumptionModel(5, DemoBuilding.ZONE);
        int n = 0;
        for (MeterType type : MeterType.values()) {
            VirtualMeter meter = new VirtualMeter(type, "5500000" + n, ++n, consumption);
            List<VariableDataResponse> decoded = new ArrayList<>();
            for (VariableDataResponse t : meter.telegrams(NOW, 7)) {
                byte[] wire = TelegramCodec.encode(ControlField.RSP_UD, meter.primaryAddress(), t);
                decoded.add((VariableDataResponse) TelegramCodec.decode(wire).message());
            }
            MeterReadout polled = telegrams.toReadout(new Readout("test", decoded, NOW, Duration.ZERO, 1),
                    DemoBuilding.ZONE);
            List<RegisterValue> expected = backfillable(type, polled);
            assertThat(expected).as("%s sends cumulative registers", type).isNotEmpty();
            assertThat(only(model.readouts(meter, List.of(NOW))).values()).as("%s", type)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void theHouseHeatMeterIsBackfilledWithWhatItsHeatSheetShows() {
        VirtualMeter meter = new VirtualMeter(DemoBuilding.HOUSE_HEAT_METER, "55000200", 1,
                new ConsumptionModel(7, DemoBuilding.ZONE));
        List<RegisterKey> keys = only(model.readouts(meter, List.of(NOW))).values().stream().map(RegisterValue::key).toList();
        assertThat(keys).extracting(RegisterKey::quantity).contains(Quantity.ENERGY, Quantity.VOLUME, Quantity.POWER,
                Quantity.VOLUME_FLOW, Quantity.FLOW_TEMPERATURE, Quantity.RETURN_TEMPERATURE);
        assertThat(keys.stream().filter(k -> k.quantity() == Quantity.OPERATING_TIME).map(RegisterKey::qualifier))
                .as("operating hours and hours in error").containsExactlyInAnyOrder("", "E18");
        VirtualMeter flat = new VirtualMeter(MeterType.SONOSAFE_10, "55000201", 2,
                new ConsumptionModel(7, DemoBuilding.ZONE));
        assertThat(only(model.readouts(flat, List.of(NOW))).values()).as("an apartment's meter keeps only its counters")
                .allMatch(v -> v.key().cumulative() || v.key().storage() > 0);
    }

    @Test
    void dueDateValuesAreWrittenOncePerDueDate() {
        ConsumptionModel consumption = new ConsumptionModel(6, DemoBuilding.ZONE);
        VirtualMeter meter = new VirtualMeter(MeterType.SONOSAFE_10, "55000100", 1, consumption);
        List<Instant> days = new ArrayList<>();
        for (int d = 0; d < 45; d++) {
            days.add(NOW.minus(Duration.ofDays(44 - d)));
        }
        MeterReadout r = only(model.readouts(meter, days));
        // energy, heat volume, two pulse inputs on each of 45 days; four due values for each of the two due dates
        assertThat(r.values()).hasSize(45 * 4 + 2 * 4);
        assertThat(r.values().stream().filter(v -> v.key().storage() == 1).map(RegisterValue::measuredAt).distinct())
                .hasSize(2);
        assertThat(r.readAt()).isEqualTo(NOW);
    }

    /**
     * A meter whose error comes and goes within the backfilled moments: its conditions change at the moment it first
     * showed them, a readout of its own, so that the event is dated then; the values are the same as without the
     * split.
     */
    @Test
    void aChangeOfConditionsStartsAReadoutAtTheMomentTheMeterFirstShowedIt() {
        VirtualMeter meter = new VirtualMeter(MeterType.SONOSAFE_10, "55000300", 1,
                new ConsumptionModel(8, DemoBuilding.ZONE));
        List<Instant> hours = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            hours.add(NOW.minus(Duration.ofHours(9 - h)));
        }
        // 20 minutes after a moment, past the module's copy every 10 minutes: the meter shows it at the next one
        meter.setError(MeterError.AIR_IN_FLOW, hours.get(3).plus(Duration.ofMinutes(20)));
        meter.clearError(MeterError.AIR_IN_FLOW, hours.get(6).plus(Duration.ofMinutes(20)));
        List<MeterReadout> readouts = model.readouts(meter, hours);
        assertThat(readouts).extracting(MeterReadout::readAt).containsExactly(hours.get(3), hours.get(4),
                hours.get(6), hours.get(7), hours.get(9));
        assertThat(readouts).extracting(r -> r.conditions().stream().map(MeterCondition::code).sorted().toList())
                .containsExactly(List.of(), List.of("NO_FLOW_SIGNAL", "STATUS_TEMPORARY_ERROR"),
                        List.of("NO_FLOW_SIGNAL", "STATUS_TEMPORARY_ERROR"), List.of(), List.of());
        List<RegisterValue> split = readouts.stream().flatMap(r -> r.values().stream()).toList();
        VirtualMeter same = new VirtualMeter(MeterType.SONOSAFE_10, "55000300", 1,
                new ConsumptionModel(8, DemoBuilding.ZONE));
        same.setError(MeterError.AIR_IN_FLOW, hours.get(3).plus(Duration.ofMinutes(20)));
        same.clearError(MeterError.AIR_IN_FLOW, hours.get(6).plus(Duration.ofMinutes(20)));
        List<RegisterValue> whole = new ArrayList<>();
        for (Instant t : hours) {
            whole.addAll(backfillable(MeterType.SONOSAFE_10, telegrams.toReadout(
                    new Readout("test", same.telegrams(t, 0), t, Duration.ZERO, 1), DemoBuilding.ZONE)));
        }
        assertThat(split).containsExactlyInAnyOrderElementsOf(whole.stream().distinct().toList());
    }
}
