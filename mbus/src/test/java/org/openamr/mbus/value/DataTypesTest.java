package org.openamr.mbus.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.mbus.TestBytes.hex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.PropertyRuns;

class DataTypesTest {

    @Test
    void typeAReadsBcdLeastSignificantPairFirst() {
        assertThat(DataTypes.bcd(hex("78 56 34 12"), 0, 4)).isEqualTo(numeric("12345678"));
        assertThat(DataTypes.bcd(hex("00"), 0, 1)).isEqualTo(numeric("0"));
    }

    @Test
    void typeANegativeHasSignNibbleF() {
        assertThat(DataTypes.bcd(hex("41 F0"), 0, 2)).isEqualTo(numeric("-41"));
    }

    @Test
    void typeAWithErrorDigitsIsUnavailableAndKeepsTheNominalReading() {
        Value v = DataTypes.bcd(hex("BD EB DD DD"), 0, 4);
        assertThat(v).isInstanceOf(Value.Unavailable.class);
        Value.Unavailable u = (Value.Unavailable) v;
        assertThat(u.reason()).contains("BDEBDDDD");
        assertThat(u.nominal()).isEqualTo("13131113"); // libmbus prints this for these bytes
        assertThat(v.text()).isNull();
    }

    @Test
    void typeBIsSignedTwosComplement() {
        assertThat(DataTypes.signedInteger(hex("FF FF"), 0, 2)).isEqualTo(-1);
        assertThat(DataTypes.signedInteger(hex("FF 7F"), 0, 2)).isEqualTo(32767);
        assertThat(DataTypes.signedInteger(hex("00 00 80"), 0, 3)).isEqualTo(-8388608);
        assertThat(DataTypes.signedInteger(hex("12 23 34 45 56 67 78 12"), 0, 8)).isEqualTo(1330927310113874706L);
        assertThat(DataTypes.unsignedInteger(hex("FF FF FF FF"), 0, 4)).isEqualTo(4294967295L);
    }

    @Test
    void typeGDateAndItsUnsetForms() {
        assertThat(DataTypes.dateG(hex("E1 01"), 0)).isEqualTo(new Value.Date(LocalDate.of(2007, 1, 1)));
        assertThat(DataTypes.dateG(hex("1F 31"), 0)).isEqualTo(new Value.Date(LocalDate.of(2024, 1, 31)));
        assertThat(DataTypes.dateG(hex("00 00"), 0)).isInstanceOf(Value.Unavailable.class);
        assertThat(DataTypes.dateG(hex("FF FF"), 0)).isInstanceOf(Value.Unavailable.class);
        assertThat(DataTypes.dateG(hex("3F 02"), 0)).as("31 February").isInstanceOf(Value.Unavailable.class);
    }

    @Test
    void typeFDateTimeWithInvalidAndSummerFlags() {
        assertThat(DataTypes.dateTimeF(hex("3A 0D E6 02"), 0))
                .isEqualTo(new Value.DateTime(LocalDateTime.of(2007, 2, 6, 13, 58), false));
        assertThat(DataTypes.dateTimeF(hex("3A 8D E6 02"), 0))
                .isEqualTo(new Value.DateTime(LocalDateTime.of(2007, 2, 6, 13, 58), true));
        assertThat(DataTypes.dateTimeF(hex("BA 0D E6 02"), 0)).isInstanceOf(Value.Unavailable.class)
                .extracting(v -> ((Value.Unavailable) v).reason()).asString().contains("marked invalid");
    }

    @Test
    void typeIAndTypeJCarrySeconds() {
        // jMBus's test reads 2001 here; the day-of-week bits (7 = Sunday) agree with 16 January 2000.
        assertThat(DataTypes.dateTimeI(hex("22 1A E0 10 01 00"), 0))
                .isEqualTo(new Value.DateTime(LocalDateTime.of(2000, 1, 16, 0, 26, 34), false));
        assertThat(DataTypes.timeJ(hex("05 04 17"), 0)).isEqualTo(new Value.TimeOfDay(LocalTime.of(23, 4, 5)));
        assertThat(DataTypes.timeJ(hex("3F 04 17"), 0)).isInstanceOf(Value.Unavailable.class);
    }

    @Test
    void typeHFloatBecomesItsShortestDecimal() {
        assertThat(DataTypes.real32(hex("00 00 B8 42"), 0)).isEqualTo(numeric("92.0"));
        assertThat(DataTypes.real32(hex("00 00 C0 7F"), 0)).isInstanceOf(Value.Unavailable.class);
        // 0.1f is 0.100000001490116…; the meter meant 0.1, and the shortest decimal says so.
        assertThat(DataTypes.shortestDecimal(0.1f)).isEqualTo(new BigDecimal("0.1"));
        assertThatThrownBy(() -> DataTypes.shortestDecimal(Float.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Infinity");
    }

    @Test
    void writersAreTheInverseOfReaders() {
        PropertyRuns.check("BCD and integer round trip", r -> {
            int len = 1 + r.nextInt(6);
            long max = (long) Math.pow(10, len * 2 - 1);
            long v = (r.nextLong() % max);
            byte[] out = new byte[len];
            DataTypes.writeBcd(v, out, 0, len);
            assertThat(DataTypes.bcd(out, 0, len)).isEqualTo(numeric(Long.toString(v)));
            long i = r.nextLong() >> (64 - len * 8);
            DataTypes.writeInteger(i, out, 0, len);
            assertThat(DataTypes.signedInteger(out, 0, len)).isEqualTo(i);
        });
        PropertyRuns.check("date round trip", r -> {
            LocalDateTime t = LocalDateTime.of(2000 + r.nextInt(81), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60));
            byte[] g = new byte[2];
            DataTypes.writeDateG(t.toLocalDate(), g, 0);
            assertThat(DataTypes.dateG(g, 0)).isEqualTo(new Value.Date(t.toLocalDate()));
            byte[] f = new byte[4];
            DataTypes.writeDateTimeF(t, false, f, 0);
            assertThat(DataTypes.dateTimeF(f, 0)).isEqualTo(new Value.DateTime(t.withSecond(0), false));
            byte[] i = new byte[6];
            DataTypes.writeDateTimeI(t, i, 0);
            assertThat(DataTypes.dateTimeI(i, 0)).isEqualTo(new Value.DateTime(t, false));
        });
    }

    private static Value numeric(String s) {
        return new Value.Numeric(new BigDecimal(s));
    }
}
