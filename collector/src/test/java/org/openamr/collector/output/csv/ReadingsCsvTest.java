package org.openamr.collector.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.output.TestBatches;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

class ReadingsCsvTest {

    @Test
    void oneHeaderAndOneRowPerValueWithExactPlainDecimals() {
        Batch batch = TestBatches.heatAndWater(7);
        String text = new String(ReadingsCsv.write(batch, ZoneOffset.UTC), StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(text).endsWith("\r\n").doesNotStartWith("\uFEFF");
        assertThat(lines[0]).isEqualTo("collector;meter;manufacturer;medium;time;quantity;value;unit;storage;tariff;"
                + "subunit;function;qualifier");
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines[1]).isEqualTo("lenina-12;12345678;DFS;heat;2026-12-05T10:15:00+00:00;energy;1.234567;Gcal;0;0;0;instantaneous;");
        assertThat(lines[2]).contains(";volume;123456789.000123;m3;");
        assertThat(lines[3]).contains(";flowTemperature;70.10;°C;");
        // a stored value carries its due date, not the reading time
        assertThat(lines[4]).isEqualTo("lenina-12;12345678;DFS;heat;2026-11-30T21:00:00+00:00;energy;1.2;Gcal;1;0;0;instantaneous;");
        // never exponent notation
        assertThat(lines[5]).contains(";power;0.0000001;kW;0;0;0;maximum;");
        assertThat(lines[6]).isEqualTo("lenina-12;87654321;ZRI;water;2026-12-05T10:30:00+00:00;volume;42.001;m3;0;0;0;instantaneous;");
        assertThat(TestBatches.rows(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(TestBatches.expectedRows(batch));
    }

    @Test
    void timesCarryTheConfiguredZonesOffset() {
        String text = new String(ReadingsCsv.write(TestBatches.heatAndWater(1), ZoneId.of("Europe/Moscow")),
                StandardCharsets.UTF_8);
        assertThat(text).contains(";2026-12-05T13:15:00+03:00;energy;1.234567;");
    }

    @Test
    void fieldsWithSeparatorsOrQuotesAreQuoted() {
        MeterIdentity odd = new MeterIdentity("A;1\"x", Optional.empty(), Optional.empty(), Optional.empty());
        Batch batch = new Batch("c1", 1, List.of(new MeterReadout(odd, TestBatches.T0, List.of(new RegisterValue(
                RegisterKey.current(Quantity.VOLUME, Unit.M3), TestBatches.T0, BigDecimal.ONE)), List.of())));
        String text = new String(ReadingsCsv.write(batch, ZoneOffset.UTC), StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")[1]).startsWith("c1;\"A;1\"\"x\";;;");
    }

    @Test
    void theFileNameComesFromTheBatchAlone() {
        Batch batch = TestBatches.heatAndWater(42);
        String name = ReadingsCsv.fileName(batch, "ftp-main", ZoneOffset.UTC);
        // the newest readout (the water meter's, 10:30) and the sequence
        assertThat(name).isEqualTo("lenina-12_ftp-main_20261205103000_42.csv");
        assertThat(ReadingsCsv.fileName(TestBatches.heatAndWater(42), "ftp-main", ZoneOffset.UTC)).isEqualTo(name);
        assertThat(ReadingsCsv.fileName(TestBatches.heatAndWater(43), "ftp-main", ZoneOffset.UTC)).isNotEqualTo(name);
        assertThat(ReadingsCsv.write(TestBatches.heatAndWater(42), ZoneOffset.UTC))
                .isEqualTo(ReadingsCsv.write(batch, ZoneOffset.UTC));
    }

    @Test
    void namesThatCannotBeFileNamesAreRefused() {
        assertThatThrownBy(() -> ReadingsCsv.fileName(TestBatches.heatAndWater(1), "../etc", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output name '../etc'");
        assertThatThrownBy(() -> ReadingsCsv.requireSafeName("collector id", "a b"))
                .hasMessageContaining("collector id 'a b' cannot be part of a file name");
    }
}
