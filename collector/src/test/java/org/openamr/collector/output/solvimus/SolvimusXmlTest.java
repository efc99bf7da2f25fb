package org.openamr.collector.output.solvimus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;

class SolvimusXmlTest {

    private static final Instant T = Instant.ofEpochSecond(1524177720);

    private static MeterReadout readout(Instant readAt, List<RegisterValue> values) {
        return new MeterReadout(new MeterIdentity("46174428", Optional.of("DFS"), Optional.of(1), Optional.of(4)),
                readAt, values, List.of());
    }

    @Test
    void oneMeterElementPerMeterOneDataPerRegisterExactValuesAndStorageSuffixes() {
        MeterReadout first = readout(T.plusSeconds(8), List.of(
                new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH), T, new BigDecimal("30390.125")),
                new RegisterValue(RegisterKey.current(Quantity.VOLUME, Unit.M3), T, new BigDecimal("1736.502")),
                new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.KWH, 1, 0, 0, Function.INSTANTANEOUS),
                        Instant.ofEpochSecond(1522533600), new BigDecimal("29870"))));
        MeterReadout second = readout(T.plusSeconds(908), List.of(
                new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH), T.plusSeconds(900),
                        new BigDecimal("30391.000"))));
        SolvimusXml.Document doc = SolvimusXml.write("lenina-12", "openamr-collector 1", List.of(first, second));
        assertThat(new String(doc.body(), StandardCharsets.UTF_8)).isEqualTo("""
                <?xml version="1.0" encoding="utf-8"?>
                <interface MESSAGE_TYPE="1">
                 <muc MUC_ID="lenina-12" VERSION="openamr-collector 1" TIMESTAMP="1524178628">
                  <meter METER_ID="46174428">
                   <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:1.0.0*255">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524177728</param><param NAME="VAL">30390.125</param></entry>
                    <entry><param NAME="T">1524178620</param><param NAME="T_MUC">1524178628</param><param NAME="VAL">30391.000</param></entry>
                   </data>
                   <data DESCRIPTION="Volume" UNIT="m^3" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:2.0.0*255">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524177728</param><param NAME="VAL">1736.502</param></entry>
                   </data>
                   <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:1.0.0*0">
                    <entry><param NAME="T">1522533600</param><param NAME="T_MUC">1524177728</param><param NAME="VAL">29870</param></entry>
                   </data>
                  </meter>
                 </muc>
                </interface>
                """);
        assertThat(doc.values()).isEqualTo(4);
        assertThat(doc.skipped()).isZero();
    }

    @Test
    void leavesOutWhatTheFormatCannotCarryAndEscapesAttributes() {
        MeterReadout r = new MeterReadout(MeterIdentity.ofSerial("A&<\"1"), T, List.of(
                new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.KWH, 0, 1, 0, Function.INSTANTANEOUS), T,
                        BigDecimal.ONE),
                new RegisterValue(new RegisterKey(Quantity.POWER, Unit.KW, 0, 0, 0, Function.MAXIMUM), T,
                        BigDecimal.ONE),
                new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.KWH, 300, 0, 0, Function.INSTANTANEOUS), T,
                        BigDecimal.ONE),
                new RegisterValue(RegisterKey.current(Quantity.VOLTAGE, Unit.NONE), T, BigDecimal.ONE),
                new RegisterValue(RegisterKey.current(Quantity.HCA_UNITS, Unit.NONE), T, new BigDecimal("12"))),
                List.of());
        SolvimusXml.Document doc = SolvimusXml.write("c", null, List.of(r));
        String xml = new String(doc.body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("METER_ID=\"A&amp;&lt;&quot;1\"")
                .contains("<data DESCRIPTION=\"Units for H.C.A.\" UNIT=\"None\" SCALE=\"1\" OBIS_ID=\"6-0:1.1.0*255\">")
                .doesNotContain("VERSION=");
        assertThat(doc.values()).isEqualTo(1);
        assertThat(doc.skipped()).isEqualTo(4);
        assertThat(SolvimusXml.write("c", null, List.of(r)).body()).isEqualTo(doc.body());
    }
}
