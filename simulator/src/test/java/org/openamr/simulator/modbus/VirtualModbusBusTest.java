package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.modbus.ExceptionCode;
import org.openamr.modbus.FunctionCode;
import org.openamr.simulator.bus.BusTruth;
import org.openamr.simulator.bus.MeterMix;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Register;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VirtualModbusBusTest {

    private static final Clock FIXED = Clock.fixed(ModbusMeterTest.AT, ZoneOffset.UTC);
    private static final ReadRequest ENERGY = new ReadRequest(FunctionCode.READ_HOLDING_REGISTERS, 8, 2);

    @Test
    void unitsAreTheMetersOfAnMbusSegmentOfTheSameSeed() {
        VirtualModbusBus modbus = VirtualModbusBus.builder().seed(7).clock(FIXED).units(5).build();
        BusTruth mbus = VirtualBus.builder().seed(7).clock(FIXED).mix(MeterMix.only(MeterType.SONOSAFE_10)).demo(5)
                .build().truth();
        assertThat(modbus.unitIds()).containsExactly(1, 2, 3, 4, 5);
        for (int unit = 1; unit <= 5; unit++) {
            UnitTruth t = modbus.truth().unit(unit);
            SecondaryAddress meter = mbus.atPrimary(unit).orElseThrow();
            assertThat(t.meterId()).isEqualTo(meter.id());
            assertThat(t.type()).isEqualTo(MeterType.SONOSAFE_10);
            assertThat(t.value("heatEnergy").orElseThrow())
                    .isEqualByComparingTo(mbus.reading(meter).amount(Register.ENERGY));
        }
    }

    @Test
    void absentUnitsAndBroadcastsGetNoAnswer() {
        VirtualModbusBus bus = VirtualModbusBus.builder().clock(FIXED).unitIds(List.of(3, 17, 247)).build();
        assertThat(bus.unitIds()).containsExactly(3, 17, 247);
        assertThat(bus.handle(4, ENERGY)).isEmpty();
        assertThat(bus.handle(0, ENERGY)).isEmpty();
        assertThat(bus.handle(3, new UnsupportedRequest(0x83))).as("an exception is no request").isEmpty();
        SlaveReply reply = bus.handle(247, ENERGY).orElseThrow();
        assertThat(reply.unit()).isEqualTo(247);
        assertThat(reply.corrupt()).isFalse();
        assertThat(reply.slow()).isFalse();
        UnitTruth truth = bus.truth().unit(247);
        float energy = Float.intBitsToFloat(((RegistersResponse) reply.response()).words()[0] << 16
                | ((RegistersResponse) reply.response()).words()[1]);
        assertThat(new BigDecimal(Float.toString(energy))).isEqualTo(truth.value("heatEnergy").orElseThrow());
        assertThat(bus.handle(17, new ReadRequest(FunctionCode.READ_COILS, 0, 1)).orElseThrow().response())
                .isEqualTo(new ExceptionResponse(1, ExceptionCode.ILLEGAL_FUNCTION));
        assertThat(bus.stats()).isEqualTo(new ModbusBusStats(5, 3, 2, 1, 0, 0));
    }

    @Test
    void aFaultChangesEveryReplyOfItsUnitAndOnlyOfIt() {
        VirtualModbusBus bus = VirtualModbusBus.builder().clock(FIXED).units(6)
                .fault(1, new UnitFault.NoAnswer()).fault(2, new UnitFault.CorruptReply())
                .fault(3, new UnitFault.ExceptionReply(6)).fault(4, new UnitFault.SlowReply(Duration.ofMillis(700)))
                .fault(5, new UnitFault.OtherUnit(9)).build();
        assertThat(bus.handle(1, ENERGY)).isEmpty();
        assertThat(bus.handle(2, ENERGY).orElseThrow().corrupt()).isTrue();
        assertThat(bus.handle(3, ENERGY).orElseThrow().response()).isEqualTo(new ExceptionResponse(3, 6));
        assertThat(bus.handle(4, ENERGY).orElseThrow().delay()).isEqualTo(Duration.ofMillis(700));
        assertThat(bus.handle(5, ENERGY).orElseThrow().unit()).isEqualTo(9);
        SlaveReply normal = bus.handle(6, ENERGY).orElseThrow();
        assertThat(normal.unit()).isEqualTo(6);
        assertThat(normal.corrupt()).isFalse();
        // A damaged reply carries the right data: the framing damages it.
        assertThat(bus.handle(2, ENERGY).orElseThrow().response())
                .isEqualTo(Responder.respond(bus.unit(2).orElseThrow().snapshot(FIXED.instant()).image(), ENERGY));
        assertThat(bus.stats().faulted()).isEqualTo(5);

        bus.clearFault(1);
        assertThat(bus.handle(1, ENERGY)).isPresent();
        assertThatThrownBy(() -> bus.setFault(7, new UnitFault.NoAnswer()))
                .hasMessage("no unit 7 on the bus; its units are 1-6");
        assertThatThrownBy(() -> VirtualModbusBus.builder().units(3).fault(4, new UnitFault.NoAnswer()).build())
                .hasMessageContaining("no unit 4 on the bus");
        assertThatThrownBy(() -> VirtualModbusBus.builder().unitIds(List.of(1, 248)))
                .hasMessageContaining("1..247 (0 is broadcast, 248..255 reserved), got 248");
        assertThatThrownBy(() -> VirtualModbusBus.builder().units(0)).hasMessageContaining("1..247 units, got 0");
    }

    @Test
    void writesItsTruthAsJson() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(3).clock(FIXED).unitIds(List.of(2, 9))
                .fault(9, new UnitFault.SlowReply(Duration.ofMillis(300))).build();
        StringWriter out = new StringWriter();
        bus.truth().writeJson(out, FIXED.instant(), Map.of("seed", "3"));
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("source").asString()).isEqualTo("openamr simulate modbus");
        assertThat(json.get("settings").get("seed").asInt()).isEqualTo(3);
        assertThat(json.get("map").get("file").asString()).isEqualTo("danfoss-sonometer.map");
        assertThat(json.get("map").get("unverified").asBoolean()).isTrue();
        assertThat(json.get("at").asString()).isEqualTo(FIXED.instant().toString());
        assertThat(json.get("units")).hasSize(2);
        JsonNode unit = json.get("units").get(1);
        UnitTruth truth = bus.truth().unit(9);
        assertThat(unit.get("unit").asInt()).isEqualTo(9);
        assertThat(unit.get("id").asString()).isEqualTo(truth.meterId());
        assertThat(unit.get("fault").asString()).isEqualTo("slow:300ms");
        assertThat(json.get("units").get(0).get("fault").isNull()).isTrue();
        assertThat(unit.get("values")).hasSize(truth.values().size());
        for (int i = 0; i < truth.values().size(); i++) {
            ServedValue v = truth.values().get(i);
            JsonNode j = unit.get("values").get(i);
            assertThat(j.get("name").asString()).isEqualTo(v.name());
            assertThat(new BigDecimal(j.get("value").asString())).isEqualTo(v.value().orElseThrow());
            assertThat(j.get("function").asString()).isEqualTo("03");
            assertThat(j.get("address").asInt()).isEqualTo(v.definition().address());
        }
        assertThat(unit.get("values").get(0).get("unit").asString()).isEqualTo("kWh");
        assertThat(unit.get("values").get(0).get("source").asString()).isEqualTo("ENERGY");
        assertThat(unit.get("values").get(7).get("source").isNull()).as("tariffEnergy1").isTrue();
    }
}
