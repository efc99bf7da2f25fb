package org.openamr.mbus.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.mbus.TestBytes.hex;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.value.Value;

class RecordDecoderTest {

    private static List<DataRecord> records(String hex) throws DecodeException {
        byte[] b = hex(hex);
        return RecordDecoder.decode(b, 0, b.length, false).records();
    }

    private static DataRecord record(String hex) throws DecodeException {
        List<DataRecord> r = records(hex);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    private static void assertValue(DataRecord r, Quantity q, String value, Unit unit) {
        assertThat(r.quantity()).isEqualTo(q);
        assertThat(r.unit()).isEqualTo(unit);
        assertThat(r.value()).isEqualTo(new Value.Numeric(new BigDecimal(value)));
        assertThat(r.value().text()).isEqualTo(value);
    }

    @Test
    void primaryVifsScaleToOneUnitPerFamilyExactly() throws DecodeException {
        assertValue(record("0C 06 07 40 02 00"), Quantity.ENERGY, "24007", Unit.KWH);
        assertValue(record("0C 13 20 98 54 09"), Quantity.VOLUME, "9549.820", Unit.M3);
        assertValue(record("04 05 E8 03 00 00"), Quantity.ENERGY, "100.0", Unit.KWH);
        assertValue(record("04 0E 01 00 00 00"), Quantity.ENERGY, "1000", Unit.KJ);
        assertValue(record("02 5A 79 02"), Quantity.FLOW_TEMPERATURE, "63.3", Unit.CELSIUS);
        assertValue(record("02 62 D3 00"), Quantity.TEMPERATURE_DIFFERENCE, "21.1", Unit.KELVIN);
        assertValue(record("04 2B 10 27 00 00"), Quantity.POWER, "10.000", Unit.KW);
        // 1 × 10^-4 m³/min = 0.006 m³/h, exactly
        assertValue(record("02 43 01 00"), Quantity.VOLUME_FLOW, "0.0060", Unit.M3_PER_H);
        assertValue(record("04 26 3D 07 00 00"), Quantity.OPERATING_TIME, "6670800", Unit.SECOND);
    }

    @Test
    void extensionTablesFbAndFd() throws DecodeException {
        assertValue(record("04 FB 01 C8 1E 00 00"), Quantity.ENERGY, "7880000", Unit.KWH);
        assertValue(record("04 FB 0D C8 1E 00 00"), Quantity.ENERGY, "7.880", Unit.GCAL);
        assertValue(record("04 FB 09 C8 1E 00 00"), Quantity.ENERGY, "7880000000", Unit.KJ);
        DataRecord errors = record("02 FD 17 10 04");
        assertThat(errors.quantity()).isEqualTo(Quantity.ERROR_FLAGS);
        assertThat(errors.value().text()).isEqualTo("1040");
        assertValue(record("01 FD 71 1E"), Quantity.RF_LEVEL, "-70", Unit.DBM);
        assertValue(record("0C FD 48 00 23 00 00"), Quantity.VOLTAGE, "230.0", Unit.VOLT);
    }

    @Test
    void difeCarriesStorageTariffAndSubunit() throws DecodeException {
        DataRecord r = record("CC 92 40 13 01 00 00 00");
        assertThat(r.storageNumber()).isEqualTo(1 | 2 << 1);
        assertThat(r.tariff()).isEqualTo(1);
        assertThat(r.subunit()).isEqualTo(2);
        assertThat(r.dataInformation().extensions()).isEqualTo(2);
        assertThat(r.function()).isEqualTo(Function.INSTANTANEOUS);
        assertThat(record("1C 13 01 00 00 00").function()).isEqualTo(Function.MAXIMUM);
        assertThat(record("2C 13 01 00 00 00").function()).isEqualTo(Function.MINIMUM);
    }

    @Test
    void combinableVifesQualifyWithoutChangingTheNumber() throws DecodeException {
        DataRecord heating = record("04 86 3B 55 00 00 00");
        assertThat(heating.valueInformation().meaning().modifiers()).containsExactly(Modifier.ACCUMULATION_POSITIVE);
        assertValue(heating, Quantity.ENERGY, "85", Unit.KWH);
        DataRecord cooling = record("04 86 3C 55 00 00 00");
        assertThat(cooling.valueInformation().meaning().has(Modifier.ACCUMULATION_NEGATIVE)).isTrue();
        // multiplicative correction 10^(nnn-6) and 10^3
        assertValue(record("04 93 75 01 00 00 00"), Quantity.VOLUME, "0.0001", Unit.M3);
        assertValue(record("04 93 7D 01 00 00 00"), Quantity.VOLUME, "1", Unit.M3);
    }

    @Test
    void dateModifierMakesTheValueADate() throws DecodeException {
        DataRecord r = record("94 10 AD 6F 00 00 00 00");
        assertThat(r.valueInformation().meaning().has(Modifier.DATE_OF)).isTrue();
        assertThat(r.value()).isInstanceOf(Value.Unavailable.class);
    }

    @Test
    void plainTextUnitIsReadLastCharacterFirstThenItsVifes() throws DecodeException {
        DataRecord r = record("22 FC 03 48 52 25 74 D4 11");
        assertThat(r.valueInformation().plainTextUnit()).isEqualTo("%RH");
        assertValue(r, Quantity.PLAIN_TEXT_UNIT, "45.64", Unit.PERCENT_RH);
    }

    @Test
    void variableLengthTextBcdAndBinary() throws DecodeException {
        assertThat(record("0D FD 0C 05 33 2E 36 2E 31").value()).isEqualTo(new Value.Text("1.6.3"));
        assertValue(record("0D 13 C2 34 12"), Quantity.VOLUME, "1.234", Unit.M3);
        assertValue(record("0D 13 D2 34 12"), Quantity.VOLUME, "-1.234", Unit.M3);
        assertValue(record("0D 13 E2 FF FF"), Quantity.VOLUME, "-0.001", Unit.M3);
        assertThatThrownBy(() -> records("0D 13 F7")).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("LVAR F7 is reserved");
    }

    @Test
    void specialDifs() throws DecodeException {
        byte[] b = hex("2F 2F 0C 13 01 00 00 00 2F 1F 01 02 03");
        RecordSet set = RecordDecoder.decode(b, 0, b.length, false);
        assertThat(set.records()).hasSize(1);
        assertThat(set.moreRecordsFollow()).isTrue();
        assertThat(set.manufacturerData()).isEqualTo(hex("01 02 03"));
        RecordSet plain = RecordDecoder.decode(hex("0F AA"), 0, 2, false);
        assertThat(plain.moreRecordsFollow()).isFalse();
        assertThat(plain.manufacturerData()).isEqualTo(hex("AA"));
    }

    @Test
    void errorStateFillerIsNoValue() throws DecodeException {
        DataRecord r = record("3B 2B 2F 2F 2F");
        assertThat(r.function()).isEqualTo(Function.ERROR);
        assertThat(r.value()).isInstanceOf(Value.Unavailable.class);
    }

    @Test
    void limitsAndTruncationAreReportedWithOffsets() {
        assertThatThrownBy(() -> records("8C 80 80 80 80 80 80 80 80 80 80 00 13 00 00 00 00"))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("more than 10 DIFEs");
        assertThatThrownBy(() -> records("0C 93 80 80 80 80 80 80 80 80 80 80 00 00 00 00"))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("more than 10 VIFEs");
        assertThatThrownBy(() -> records("0C 13 01 00"))
                .isInstanceOf(TruncatedException.class).hasMessageContaining("4 data bytes")
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(4);
        assertThatThrownBy(() -> records("8C")).isInstanceOf(TruncatedException.class)
                .hasMessageContaining("DIFE");
        assertThatThrownBy(() -> records("0C")).isInstanceOf(TruncatedException.class).hasMessageContaining("VIF");
    }
}
