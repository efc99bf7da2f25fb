package org.openamr.mbus.golden;

import org.openamr.mbus.TestBytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.DataRecord;

/**
 * pyMeterBus's per-record value assertions ({@code src/test/resources/vectors/pymeterbus},
 * BSD-3-Clause): every {@code parsed_value} assertion that names a frame, as {@code suite_pymeterbus}
 * of the conformance runner selects them.
 *
 * <p>pyMeterBus reports base units (Wh, J, W, J/h, kg, m³, s …) where we use kWh, kJ, kW, kJ/h, t,
 * so our value is multiplied by the exact factor of {@link #TO_PYMETERBUS} and compared exactly
 * with the expected number: the expected values are written as exact decimals and ours are exact
 * decimals, so no tolerance is used (the {@code places} of pyMeterBus's {@code assertAlmostEqual}
 * are not needed; the runner's float comparison is looser). Unavailable values (BCD error digits)
 * are compared by their {@code nominal}, which is what pyMeterBus prints for them. The
 * record is the one at the assertion's {@code record_index} (stricter than the runner, which
 * accepts the value in any record).
 */
class PyMeterBusGoldenTest {

    private static final Path DIR = Vectors.dir("pymeterbus");

    /** Our unit → factor to pyMeterBus's unit. Units not listed are the same in both. */
    private static final Map<Unit, BigDecimal> TO_PYMETERBUS = Map.of(
            Unit.KWH, new BigDecimal("1000"),       // Wh
            Unit.KJ, new BigDecimal("1000"),        // J
            Unit.KW, new BigDecimal("1000"),        // W
            Unit.KJ_PER_H, new BigDecimal("1000"),  // J/h
            Unit.T, new BigDecimal("1000"));        // kg

    /** Units pyMeterBus uses as we do. */
    private static final List<Unit> SAME = List.of(Unit.NONE, Unit.M3, Unit.M3_PER_H, Unit.CELSIUS, Unit.KELVIN,
            Unit.SECOND, Unit.DBM, Unit.PERCENT_RH, Unit.BAR, Unit.VOLT, Unit.AMPERE);

    static List<Arguments> assertions() {
        List<Arguments> cases = new ArrayList<>();
        for (String file : Vectors.names(DIR, ".vectors.json")) {
            Map<String, Object> vectors = Json.object(Json.parse(Vectors.read(DIR.resolve(file + ".vectors.json"))));
            Map<String, Object> frames = Json.object(vectors.get("frames"));
            for (Object o : Json.array(vectors.get("assertions"))) {
                Map<String, Object> a = Json.object(o);
                if ("parsed_value".equals(a.get("attr")) && a.get("expected") instanceof BigDecimal expected
                        && frames.containsKey(a.get("frame"))) {
                    cases.add(Arguments.of(file + ":" + a.get("test"), frames.get(a.get("frame")),
                            ((BigDecimal) a.get("record_index")).intValueExact(), expected));
                }
            }
        }
        return cases;
    }

    @Test
    void theAssertionsArePresent() {
        assertThat(assertions()).hasSize(44);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assertions")
    void recordHasTheExpectedValue(String name, String frame, int index, BigDecimal expected) throws DecodeException {
        Telegram t = TelegramCodec.decode(TestBytes.hex(frame));
        assertThat(t.message()).isInstanceOf(ApplicationMessage.VariableDataResponse.class);
        List<DataRecord> records = ((ApplicationMessage.VariableDataResponse) t.message()).data().records();
        assertThat(records).as(name).hasSizeGreaterThan(index);
        DataRecord r = records.get(index);

        BigDecimal ours = LibmbusComparison.ourNumber(r.value());
        assertThat(ours).as("%s: record %d is %s, no number", name, index, r).isNotNull();
        assertThat(SAME.contains(r.unit()) || TO_PYMETERBUS.containsKey(r.unit()))
                .as("%s: no factor from %s to pyMeterBus's unit", name, r.unit()).isTrue();
        BigDecimal inTheirUnit = ours.multiply(TO_PYMETERBUS.getOrDefault(r.unit(), BigDecimal.ONE));
        assertThat(inTheirUnit).as("%s: record %d (%s %s)", name, index, r.quantity(), r.unit().symbol())
                .isEqualByComparingTo(expected);
    }
}
