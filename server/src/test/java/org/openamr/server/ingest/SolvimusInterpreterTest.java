package org.openamr.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;

/** The meaning rules of the Solvimus format, without a server. */
class SolvimusInterpreterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static PushAssembly.Assembled read(String meters) {
        String xml = "<interface MESSAGE_TYPE=\"1\"><muc MUC_ID=\"m\">" + meters + "</muc></interface>";
        var mucs = new SolvimusXmlReader(1000).read(xml.getBytes(StandardCharsets.UTF_8));
        return PushAssembly.assemble(new SolvimusInterpreter(TimeWindow.around(NOW), NOW).interpret(mucs));
    }

    private static String data(String description, String unit, String scale, String obis, String... tAndVal) {
        StringBuilder sb = new StringBuilder("<data DESCRIPTION=\"" + description + "\" UNIT=\"" + unit + "\""
                + (scale == null ? "" : " SCALE=\"" + scale + "\"") + " OBIS_ID=\"" + obis + "\">");
        for (int i = 0; i < tAndVal.length; i += 2) {
            sb.append("<entry><param NAME=\"T\">").append(tAndVal[i]).append("</param><param NAME=\"VAL\">")
                    .append(tAndVal[i + 1]).append("</param></entry>");
        }
        return sb.append("</data>").toString();
    }

    private static List<RegisterValue> values(PushAssembly.Assembled a) {
        assertThat(a.withConditions()).as("a Solvimus push reports no conditions").isEmpty();
        return a.withoutConditions().stream().flatMap(r -> r.values().stream()).toList();
    }

    private static RegisterValue value(Quantity q, Unit u, long storage, long t, String v) {
        return new RegisterValue(new RegisterKey(q, u, storage, 0, 0, Function.INSTANTANEOUS), Instant.ofEpochSecond(t),
                new BigDecimal(v));
    }

    @Test
    void convertsUnitsExactlyToTheDecodersCanonicalOnes() {
        var a = read("<meter METER_ID=\"1\">"
                + data("Energy", "MWh", "0.001", "6-0:1.0.0*255", "1700000000", "123456")
                + data("Energy", "GJ", "0.01", "6-0:1.0.1*255", "1700000000", "4321")
                + data("Volume flow", "l/h", "1", "6-0:9.0.0*255", "1700000000", "250")
                + data("Power", "W", "1e-1", "6-0:8.0.0*255", "1700000000", "12345")
                + data("Units for H. C. A.", "None", null, "4-0:1.0.0*255", "1700000000", "17")
                + "</meter>");

        assertThat(a.rejections()).isEmpty();
        assertThat(values(a)).containsExactlyInAnyOrder(
                value(Quantity.ENERGY, Unit.KWH, 0, 1700000000, "123456.000"),
                value(Quantity.ENERGY, Unit.KJ, 0, 1700000000, "43210000.00"),
                value(Quantity.VOLUME_FLOW, Unit.M3_PER_H, 0, 1700000000, "0.250"),
                value(Quantity.POWER, Unit.KW, 0, 1700000000, "1.2345"),
                value(Quantity.HCA_UNITS, Unit.HCA, 0, 1700000000, "17"));
        assertThat(values(a).get(0).value().scale()).isEqualTo(3);
    }

    @Test
    void placesHistoryAtItsTimestampMatchedByTOrAtTWhenThereIsNone() {
        var a = read("<meter METER_ID=\"2\">"
                + data("Energy", "kWh", "1", "6-0:1.2.0*0", "1700000000", "500", "1700086400", "510")
                + data("Timestamp", "UTC", "1", "6-0:0.1.10*0", "1700000000", "1698796800", "1700086400", "1698883200")
                + data("Volume", "m^3", "1", "6-0:2.2.0*3", "1700000000", "42")
                + "</meter>");

        assertThat(a.rejections()).isEmpty();
        assertThat(values(a)).containsExactlyInAnyOrder(
                value(Quantity.ENERGY, Unit.KWH, 1, 1698796800, "500"),
                value(Quantity.ENERGY, Unit.KWH, 1, 1698883200, "510"),
                value(Quantity.VOLUME, Unit.M3, 4, 1700000000, "42"));
    }

    @Test
    void aRejectedTimestampRejectsTheHistoryItDates() {
        var a = read("<meter METER_ID=\"3\">"
                + data("Energy", "kWh", "1", "6-0:1.2.0*0", "1700000000", "500")
                + data("Timestamp", "local", "1", "6-0:0.1.10*0", "1700000000", "1698796800")
                + "</meter>");

        assertThat(values(a)).isEmpty();
        assertThat(a.rejections()).extracting(Rejection::message).containsExactly(
                "meter 3, data OBIS 6-0:0.1.10*0: Timestamp data must have UNIT 'UTC' (Unix seconds), not 'local'",
                "meter 3, data OBIS 6-0:1.2.0*0, entry 1: the Timestamp data for storage *0 was rejected, so this "
                        + "value's date is unknown");
    }

    @Test
    void twoObisIdsForOneRegisterAndContradictingValuesAreRejectedNotGuessed() {
        var a = read("<meter METER_ID=\"4\">"
                + data("Energy", "kWh", "1", "6-0:1.0.0*255", "1700000000", "100")
                + data("Energy", "Wh", "1", "6-1:1.0.0*255", "1700000000", "100000")
                + data("Volume", "m^3", "1", "6-0:2.0.0*255", "1700000000", "5")
                + "</meter><meter METER_ID=\"4\">"
                + data("Volume", "m^3", "1", "6-0:2.0.0*255", "1700000000", "6", "1700000900", "7")
                + "</meter>");

        assertThat(values(a)).containsExactly(value(Quantity.VOLUME, Unit.M3, 0, 1700000900, "7"));
        assertThat(a.rejections()).extracting(Rejection::message).containsExactlyInAnyOrder(
                "meter 4, data OBIS 6-0:1.0.0*255: OBIS_IDs 6-0:1.0.0*255 and 6-1:1.0.0*255 both give register "
                        + "ENERGY kWh storage 0; the document does not say how they differ, so neither is stored",
                "meter 4, data OBIS 6-1:1.0.0*255: OBIS_IDs 6-0:1.0.0*255 and 6-1:1.0.0*255 both give register "
                        + "ENERGY kWh storage 0; the document does not say how they differ, so neither is stored",
                "meter 4, data OBIS 6-0:2.0.0*255, entry 1: value 5 for VOLUME m3 storage 0 at 2023-11-14T22:13:20Z "
                        + "contradicts data OBIS 6-0:2.0.0*255, entry 1 says 6; neither is stored",
                "meter 4, data OBIS 6-0:2.0.0*255, entry 1: value 6 for VOLUME m3 storage 0 at 2023-11-14T22:13:20Z "
                        + "contradicts data OBIS 6-0:2.0.0*255, entry 1 says 5; neither is stored");
    }

    @Test
    void entriesWithMissingOrUnknownParamsAndDataWithoutObisAreRejected() {
        var a = read("<meter METER_ID=\"5\">"
                + "<data DESCRIPTION=\"Energy\" UNIT=\"kWh\" OBIS_ID=\"6-0:1.0.0*255\">"
                + "<entry><param NAME=\"VAL\">1</param></entry>"
                + "<entry><param NAME=\"T\">1700000000</param><param NAME=\"VAL\">2</param><param NAME=\"Q\">x</param></entry>"
                + "<entry><param NAME=\"T\">1700000000123</param><param NAME=\"VAL\">3</param></entry>"
                + "</data>"
                + data("Energy", "kWh", "1", "6-0:1.0.0", "1700000000", "4")
                + "<data DESCRIPTION=\"Volume\" UNIT=\"m^3\"/>"
                + "</meter><meter INTERFACE=\"02\">" + data("Energy", "kWh", "1", "6-0:1.0.0*255", "1700000000", "9")
                + "</meter>");

        assertThat(values(a)).isEmpty();
        assertThat(a.rejections()).extracting(Rejection::message).containsExactlyInAnyOrder(
                "meter element at line 1: meter has no METER_ID, so its values cannot be attributed to a meter",
                "meter 5, data OBIS 6-0:1.0.0*255, entry 1: entry has no T (the value's time)",
                "meter 5, data OBIS 6-0:1.0.0*255, entry 2: unknown param 'Q' (expected T, T_MUC, VAL)",
                "meter 5, data OBIS 6-0:1.0.0*255, entry 3: T '1700000000123' is not a Unix time in seconds",
                "meter 5, data OBIS 6-0:1.0.0: OBIS_ID '6-0:1.0.0' is not of the form A-B:C.D.E*F (each 0…255; *255 "
                        + "current value, *0, *1, … history)",
                "meter 5, data element at line 1: data element has no OBIS_ID, the key of its values");
    }

    @Test
    void aMeterWithoutValuesIsStillRegistered() {
        var a = read("<meter METER_ID=\"6\" INTERFACE=\"05\"></meter>");

        assertThat(a.withoutConditions()).extracting(MeterReadout::meter)
                .extracting(m -> m.serial()).containsExactly("6");
    }

    @Test
    void countsEntriesAgainstTheLimitWhileReading() {
        String xml = "<interface><muc><meter METER_ID=\"7\">"
                + data("Energy", "kWh", "1", "6-0:1.0.0*255", "1700000000", "1", "1700000900", "2", "1700001800", "3")
                + "</meter></muc></interface>";

        assertThatThrownBy(() -> new SolvimusXmlReader(2).read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IngestException.class)
                .hasMessage("the push has more than 2 entries, the most one push may carry; send the values in "
                        + "several pushes");
    }
}
