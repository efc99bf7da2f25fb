package org.openamr.collector.output.solvimus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;

/**
 * Writes readouts as the XML Solvimus-based concentrators (SonoCollect 110/111, MUC.easy) push in "XML TCP"
 * mode, the shape of /work/shared/docs/concentrator-xml.md and of server/INGEST.md ("Solvimus XML"):
 * {@code <interface><muc><meter METER_ID><data DESCRIPTION UNIT SCALE MEDIUM OBIS_ID><entry>} with params
 * T (the value's time), T_MUC (when the collector read it), VAL. Software written for installed SonoCollects
 * can take the collector's data this way.
 *
 * <p>Values are written exactly: VAL is the decimal as stored, SCALE is always 1, so nothing is rounded. Times
 * are Unix seconds (the format has no finer ones). A meter is one {@code <meter>} element however many readouts
 * of it the batch holds; a register is one {@code <data>} element with one entry per time. Deterministic (no
 * send time): the same readouts give the same bytes.
 *
 * <p>The format can carry less than a readout: no tariff, subunit, function or qualifier (a receiver reads every
 * value as the instantaneous total), and storage numbers only up to 255 (OBIS suffix {@code *0…*254}). Values
 * beyond that, and quantities the format has no description for, are left out and counted in
 * {@link Document#skipped()}.
 */
public final class SolvimusXml {

    private SolvimusXml() {
    }

    /** @param skipped register values the format cannot carry, left out */
    public record Document(byte[] body, int values, int skipped) {
    }

    /** DESCRIPTION and the OBIS value group C.D of a quantity (heat-meter numbering of EN 62056-61 / EN 13757-1). */
    private record Kind(String description, String obis) {
    }

    private static final Map<Quantity, Kind> KINDS = Map.ofEntries(
            Map.entry(Quantity.ENERGY, new Kind("Energy", "1.0")),
            Map.entry(Quantity.VOLUME, new Kind("Volume", "2.0")),
            Map.entry(Quantity.MASS, new Kind("Mass", "3.0")),
            Map.entry(Quantity.OPERATING_TIME, new Kind("Operating time", "4.0")),
            Map.entry(Quantity.ON_TIME, new Kind("On time", "4.1")),
            Map.entry(Quantity.POWER, new Kind("Power", "8.0")),
            Map.entry(Quantity.VOLUME_FLOW, new Kind("Volume flow", "9.0")),
            Map.entry(Quantity.MASS_FLOW, new Kind("Mass flow", "9.1")),
            Map.entry(Quantity.FLOW_TEMPERATURE, new Kind("Flow temperature", "10.0")),
            Map.entry(Quantity.RETURN_TEMPERATURE, new Kind("Return temperature", "11.0")),
            Map.entry(Quantity.TEMPERATURE_DIFFERENCE, new Kind("Temperature difference", "12.0")),
            Map.entry(Quantity.EXTERNAL_TEMPERATURE, new Kind("External temperature", "13.0")),
            Map.entry(Quantity.TEMPERATURE_LIMIT, new Kind("Cold / Warm Temperature limit", "13.1")),
            Map.entry(Quantity.PRESSURE, new Kind("Pressure", "14.0")),
            Map.entry(Quantity.HCA_UNITS, new Kind("Units for H.C.A.", "1.1")),
            Map.entry(Quantity.VOLTAGE, new Kind("Voltage", "32.7")),
            Map.entry(Quantity.CURRENT, new Kind("Current", "31.7")),
            Map.entry(Quantity.REACTIVE_ENERGY, new Kind("Reactive energy", "3.8")),
            Map.entry(Quantity.REACTIVE_POWER, new Kind("Reactive power", "3.7")),
            Map.entry(Quantity.RELATIVE_HUMIDITY, new Kind("Relative humidity", "15.0")),
            Map.entry(Quantity.FREQUENCY, new Kind("Frequency", "14.7")));

    /** UNIT as Solvimus spells it; units not listed are not carried. */
    private static final Map<Unit, String> UNITS = Map.ofEntries(
            Map.entry(Unit.KWH, "kWh"), Map.entry(Unit.KJ, "kJ"), Map.entry(Unit.GCAL, "Gcal"),
            Map.entry(Unit.M3, "m^3"), Map.entry(Unit.T, "t"), Map.entry(Unit.KW, "kW"),
            Map.entry(Unit.KJ_PER_H, "kJ/h"), Map.entry(Unit.M3_PER_H, "m^3/h"), Map.entry(Unit.KG_PER_H, "kg/h"),
            Map.entry(Unit.CELSIUS, "Degree C"), Map.entry(Unit.FAHRENHEIT, "Degree F"), Map.entry(Unit.KELVIN, "K"),
            Map.entry(Unit.BAR, "bar"), Map.entry(Unit.SECOND, "s"), Map.entry(Unit.MINUTE, "min"),
            Map.entry(Unit.HOUR, "h"), Map.entry(Unit.DAY, "d"), Map.entry(Unit.VOLT, "V"),
            Map.entry(Unit.AMPERE, "A"), Map.entry(Unit.KVARH, "kVARh"), Map.entry(Unit.KVAR, "kVAR"),
            Map.entry(Unit.PERCENT_RH, "%"), Map.entry(Unit.HERTZ, "Hz"), Map.entry(Unit.HCA, "None"),
            // heat cost allocators count units without a unit
            Map.entry(Unit.NONE, "None"));

    /** M-Bus medium code → MEDIUM text and the OBIS medium group A. */
    private record Medium(String text, int obis) {
    }

    private static final Map<Integer, Medium> MEDIA = Map.ofEntries(
            Map.entry(0x02, new Medium("Electricity", 1)), Map.entry(0x03, new Medium("Gas", 7)),
            Map.entry(0x04, new Medium("Heat (outlet)", 6)), Map.entry(0x06, new Medium("Warm water", 9)),
            Map.entry(0x07, new Medium("Water", 8)), Map.entry(0x08, new Medium("Heat cost allocator", 4)),
            Map.entry(0x0A, new Medium("Cooling (outlet)", 5)), Map.entry(0x0B, new Medium("Cooling (inlet)", 5)),
            Map.entry(0x0C, new Medium("Heat (inlet)", 6)), Map.entry(0x0D, new Medium("Heat / cooling", 6)),
            Map.entry(0x15, new Medium("Hot water", 9)), Map.entry(0x16, new Medium("Cold water", 8)));

    private record Entry(long t, long tMuc, String val) {
    }

    private static final class Data {
        final String description;
        final String unit;
        final String medium;
        final String obis;
        final List<Entry> entries = new ArrayList<>();

        Data(String description, String unit, String medium, String obis) {
            this.description = description;
            this.unit = unit;
            this.medium = medium;
            this.obis = obis;
        }
    }

    /**
     * @param mucId   MUC_ID, the collector's id
     * @param version VERSION, the collector's software
     */
    public static Document write(String mucId, String version, List<MeterReadout> readouts) {
        Map<String, Map<String, Data>> meters = new LinkedHashMap<>();
        int written = 0;
        int skipped = 0;
        long latest = 0;
        for (MeterReadout r : readouts) {
            Optional<Medium> medium = r.meter().medium().map(MEDIA::get);
            Map<String, Data> data = meters.computeIfAbsent(r.meter().serial(), k -> new LinkedHashMap<>());
            latest = Math.max(latest, r.readAt().getEpochSecond());
            for (RegisterValue v : r.values()) {
                RegisterKey k = v.key();
                Kind kind = KINDS.get(k.quantity());
                String unit = UNITS.get(k.unit());
                if (kind == null || unit == null || k.tariff() != 0 || k.subunit() != 0 || k.storage() > 255
                        || k.function() != Function.INSTANTANEOUS || !k.qualifier().isEmpty()
                        || (k.unit() == Unit.NONE) != (k.quantity() == Quantity.HCA_UNITS)) {
                    skipped++;
                    continue;
                }
                String obis = medium.map(Medium::obis).orElse(6) + "-0:" + kind.obis() + ".0*"
                        + (k.storage() == 0 ? 255 : k.storage() - 1);
                Data d = data.computeIfAbsent(obis, o -> new Data(kind.description(), unit,
                        medium.map(Medium::text).orElse(null), o));
                d.entries.add(new Entry(v.measuredAt().getEpochSecond(), r.readAt().getEpochSecond(),
                        v.value().toPlainString()));
                written++;
            }
        }
        StringBuilder sb = new StringBuilder(512 + written * 120);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<interface MESSAGE_TYPE=\"1\">\n <muc MUC_ID=\"");
        attr(sb, mucId);
        sb.append('"');
        if (version != null) {
            sb.append(" VERSION=\"");
            attr(sb, version);
            sb.append('"');
        }
        // the newest read time, not the send time: the same batch must give the same document
        sb.append(" TIMESTAMP=\"").append(latest == 0 ? Instant.EPOCH.getEpochSecond() : latest).append("\">\n");
        for (var m : meters.entrySet()) {
            if (m.getValue().isEmpty()) {
                continue;
            }
            sb.append("  <meter METER_ID=\"");
            attr(sb, m.getKey());
            sb.append("\">\n");
            for (Data d : m.getValue().values()) {
                sb.append("   <data DESCRIPTION=\"");
                attr(sb, d.description);
                sb.append("\" UNIT=\"");
                attr(sb, d.unit);
                sb.append("\" SCALE=\"1\"");
                if (d.medium != null) {
                    sb.append(" MEDIUM=\"");
                    attr(sb, d.medium);
                    sb.append('"');
                }
                sb.append(" OBIS_ID=\"").append(d.obis).append("\">\n");
                for (Entry e : d.entries) {
                    sb.append("    <entry><param NAME=\"T\">").append(e.t()).append("</param><param NAME=\"T_MUC\">")
                            .append(e.tMuc()).append("</param><param NAME=\"VAL\">").append(e.val())
                            .append("</param></entry>\n");
                }
                sb.append("   </data>\n");
            }
            sb.append("  </meter>\n");
        }
        sb.append(" </muc>\n</interface>\n");
        return new Document(sb.toString().getBytes(StandardCharsets.UTF_8), written, skipped);
    }

    /** An attribute value: markup characters escaped; control characters, which XML 1.0 cannot hold, as '?'. */
    static void attr(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 ? '?' : c);
            }
        }
    }
}
