package org.openamr.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.layout.ValueSlot;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;

class ServedValueTest {

    private static ServedValue serve(String value, boolean exact, ValueFormat format, WordOrder order) {
        ValueDefinition def = Layout.value(1, ValueSlot.ENERGY, format, order);
        return ServedValue.of(new SlotReading.Converted(new BigDecimal(value), exact), def, format);
    }

    private static BigDecimal readBack(ServedValue v, ValueFormat format, WordOrder order) throws Exception {
        ValueDefinition def = Layout.value(1, ValueSlot.ENERGY, format, order);
        return RegisterDecoder.decode(def, List.of(new RegisterBlock(def.function(), def.address(), v.words()))).value();
    }

    @Test
    void int32CarriesThousandthsExactlyInEitherWordOrder() throws Exception {
        for (WordOrder order : WordOrder.values()) {
            ServedValue v = serve("12345.678", true, ValueFormat.INT32, order);
            assertThat(v.present()).isTrue();
            assertThat(v.rounded()).isFalse();
            assertThat(readBack(v, ValueFormat.INT32, order)).isEqualByComparingTo("12345.678");
        }
        assertThat(serve("12345.678", true, ValueFormat.INT32, WordOrder.BIG).words()).containsExactly(0x00BC, 0x614E);
        assertThat(serve("12345.678", true, ValueFormat.INT32, WordOrder.LITTLE).words()).containsExactly(0x614E, 0x00BC);
    }

    @Test
    void moreDecimalsAreRoundedAndSaySo() throws Exception {
        ServedValue v = serve("0.0125", true, ValueFormat.INT32, WordOrder.BIG);
        assertThat(v.rounded()).isTrue();
        assertThat(readBack(v, ValueFormat.INT32, WordOrder.BIG)).isEqualByComparingTo("0.012");
    }

    @Test
    void beyondTheInt32RangeNothingIsServedAndTheValueIsMarkedRefused() {
        for (String tooLarge : new String[] {"2147483.648", "-2147483.648", "99999999"}) {
            ServedValue v = serve(tooLarge, true, ValueFormat.INT32, WordOrder.BIG);
            assertThat(v.present()).as(tooLarge).isFalse();
            assertThat(v.refused()).isTrue();
            assertThat(v.words()).containsExactly(0x8000, 0x0000);
        }
        assertThat(serve("2147483.647", true, ValueFormat.INT32, WordOrder.BIG).present()).isTrue();
        assertThat(serve("-2147483.647", true, ValueFormat.INT32, WordOrder.BIG).present()).isTrue();
    }

    @Test
    void float32IsMarkedRoundedOnlyWhenItReadsBackAsAnotherNumber() throws Exception {
        ServedValue exact = serve("123.456", true, ValueFormat.FLOAT32, WordOrder.LITTLE);
        assertThat(exact.rounded()).isFalse();
        assertThat(readBack(exact, ValueFormat.FLOAT32, WordOrder.LITTLE)).isEqualByComparingTo("123.456");
        ServedValue big = serve("16777217", true, ValueFormat.FLOAT32, WordOrder.BIG);
        assertThat(big.rounded()).isTrue();
        assertThat(readBack(big, ValueFormat.FLOAT32, WordOrder.BIG)).isEqualByComparingTo("16777216");
    }

    @Test
    void anInexactConversionIsAlwaysMarkedRounded() {
        assertThat(serve("1.5", false, ValueFormat.INT32, WordOrder.BIG).rounded()).isTrue();
        assertThat(serve("1.5", false, ValueFormat.FLOAT32, WordOrder.BIG).rounded()).isTrue();
    }

    @Test
    void noValueCodesFollowTheWordOrder() {
        ValueDefinition big = Layout.value(1, ValueSlot.VOLUME, ValueFormat.FLOAT32, WordOrder.BIG);
        ValueDefinition little = Layout.value(1, ValueSlot.VOLUME, ValueFormat.FLOAT32, WordOrder.LITTLE);
        assertThat(ServedValue.of(null, big, ValueFormat.FLOAT32).words()).containsExactly(0x7FC0, 0x0000);
        assertThat(ServedValue.of(null, little, ValueFormat.FLOAT32).words()).containsExactly(0x0000, 0x7FC0);
        ServedValue unconvertible = ServedValue.of(new SlotReading.Unconvertible(Unit.CUBIC_FEET), big, ValueFormat.FLOAT32);
        assertThat(unconvertible.present()).isFalse();
        assertThat(unconvertible.refused()).isTrue();
        assertThat(ServedValue.of(null, big, ValueFormat.FLOAT32).refused()).as("not sent is not refused").isFalse();
    }

    @Test
    void energyFamiliesBecomeKilowattHoursExactlyWhereTheyCan() {
        assertThat(SlotUnits.convert(new BigDecimal("2.5"), Unit.GCAL, Unit.KWH)).hasValueSatisfying(c -> {
            assertThat(c.value()).isEqualByComparingTo("2907.5");
            assertThat(c.exact()).isTrue();
        });
        assertThat(SlotUnits.convert(new BigDecimal("7200"), Unit.KJ, Unit.KWH)).hasValueSatisfying(c -> {
            assertThat(c.value()).isEqualByComparingTo("2");
            assertThat(c.exact()).isTrue();
        });
        assertThat(SlotUnits.convert(new BigDecimal("1000"), Unit.KJ, Unit.KWH)).hasValueSatisfying(c -> {
            assertThat(c.value()).isEqualByComparingTo("0.2777777777777777777777777777777778");
            assertThat(c.exact()).isFalse();
        });
        assertThat(SlotUnits.convert(BigDecimal.ONE, Unit.FAHRENHEIT, Unit.CELSIUS)).isEmpty();
    }
}
