package org.openamr.acquisition.readout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;

class ReadoutsJsonTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void writesTheVersion1DocumentWithExactDecimalsAsStrings() {
        MeterReadout r = new MeterReadout(
                new MeterIdentity("71234567", Optional.of("DFS"), Optional.of(1), Optional.of(4)),
                AT.plusSeconds(5),
                List.of(new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH), AT, new BigDecimal("12345.670")),
                        new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.KWH, 1, 0, 0, Function.INSTANTANEOUS),
                                Instant.parse("2026-11-01T00:00:00Z"), new BigDecimal("1E+3"))),
                List.of(new MeterCondition("STATUS_POWER_LOW", "Power \"low\"", "Низкий заряд", false)));
        ReadoutsJson.Document doc = ReadoutsJson.write("lenina-12", "openamr-collector 1", List.of(r));
        assertThat(new String(doc.body(), StandardCharsets.UTF_8)).isEqualTo("""
                {"version":1,"concentrator":{"id":"lenina-12","software":"openamr-collector 1"},"meters":[
                {"serial":"71234567","manufacturer":"DFS","version":1,"medium":4,"readAt":"2026-11-23T10:00:05Z",\
                "values":[{"quantity":"ENERGY","unit":"kWh","storage":0,"tariff":0,"subunit":0,"function":"INSTANTANEOUS",\
                "at":"2026-11-23T10:00:00Z","value":"12345.670"},{"quantity":"ENERGY","unit":"kWh","storage":1,"tariff":0,\
                "subunit":0,"function":"INSTANTANEOUS","at":"2026-11-01T00:00:00Z","value":"1000"}],\
                "conditions":[{"code":"STATUS_POWER_LOW","labelEn":"Power \\"low\\"","labelRu":"Низкий заряд",\
                "stopsIntegration":false}]}]}
                """);
        assertThat(doc.values()).isEqualTo(2);
    }

    @Test
    void writesAQualifierOnlyForAQualifiedRegisterAndIsDeterministic() {
        MeterReadout r = new MeterReadout(MeterIdentity.ofSerial("1\u0001"), AT,
                List.of(new RegisterValue(new RegisterKey(Quantity.OPERATING_TIME, Unit.HOUR, 0, 0, 0,
                                Function.INSTANTANEOUS, "E18"), AT, new BigDecimal("12.50")),
                        new RegisterValue(RegisterKey.current(Quantity.OPERATING_TIME, Unit.HOUR), AT,
                                new BigDecimal("8760")),
                        new RegisterValue(RegisterKey.current(Quantity.HCA_UNITS, Unit.NONE), AT, BigDecimal.ONE)),
                List.of());
        ReadoutsJson.Document doc = ReadoutsJson.write(null, null, List.of(r));
        assertThat(new String(doc.body(), StandardCharsets.UTF_8)).isEqualTo("""
                {"version":1,"meters":[
                {"serial":"1\\u0001","readAt":"2026-11-23T10:00:00Z","values":[{"quantity":"OPERATING_TIME",\
                "unit":"h","storage":0,"tariff":0,"subunit":0,"function":"INSTANTANEOUS","qualifier":"E18",\
                "at":"2026-11-23T10:00:00Z","value":"12.50"},{"quantity":"OPERATING_TIME","unit":"h","storage":0,\
                "tariff":0,"subunit":0,"function":"INSTANTANEOUS","at":"2026-11-23T10:00:00Z","value":"8760"},\
                {"quantity":"HCA_UNITS","unit":"","storage":0,"tariff":0,"subunit":0,"function":"INSTANTANEOUS",\
                "at":"2026-11-23T10:00:00Z","value":"1"}],"conditions":[]}]}
                """);
        assertThat(doc.values()).isEqualTo(3);
        assertThat(ReadoutsJson.write(null, null, List.of(r)).body()).isEqualTo(doc.body());
    }
}
