package org.openamr.cli.output;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.FixedHeader;
import org.openamr.mbus.app.Header;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.link.ControlFrame;
import org.openamr.mbus.profile.DeviceProfile;
import org.openamr.mbus.profile.ErrorMeaning;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.Value;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.security.Configuration;

/** The readable form of a decode: header lines, then one line per record. */
public final class TelegramTable {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** One record a line: #, storage, tariff, subunit, function, quantity, value, unit, meaning. */
    static final String RECORD_FORMAT = "%3s  %7s %6s %7s  %-13s  %-24s %18s  %-5s %s%n";

    private TelegramTable() {
    }

    /** The readable form of one decoded telegram. */
    public static String telegram(Telegram t, boolean russian) {
        StringBuilder sb = new StringBuilder();
        sb.append(frameLine(t.frame()));
        ApplicationMessage m = t.message();
        if (m instanceof ApplicationMessage.VariableDataResponse r) {
            response(sb, List.of(r), russian);
        } else if (m instanceof ApplicationMessage.ApplicationError e) {
            sb.append("Application error  ").append(e.code()).append(": ").append(e.meaning()).append('\n');
        } else if (m instanceof ApplicationMessage.Alarm a) {
            sb.append("Alarm              ").append(HEX.formatHex(a.status())).append('\n');
        } else if (m instanceof ApplicationMessage.Selection s) {
            sb.append("Select secondary   ").append(s.mask()).append('\n');
        } else if (m instanceof ApplicationMessage.ApplicationReset r) {
            sb.append("Application reset").append(r.subcode() >= 0 ? "  subcode " + r.subcode() : "").append('\n');
        } else if (m instanceof ApplicationMessage.BaudRateSwitch b) {
            sb.append("Switch baud rate   ").append(b.baud()).append('\n');
        } else if (m instanceof ApplicationMessage.DataSend s) {
            sb.append("Data sent to slave\n");
            records(sb, s.data().records(), null, russian);
        }
        return sb.toString();
    }

    /** The readable form of a wireless telegram: the same header and record lines as a wired one, plus its layers. */
    public static String wireless(WirelessTelegram t, boolean russian) {
        StringBuilder sb = new StringBuilder();
        sb.append("Frame              wireless  format %s  C=%02X%s%n".formatted(t.format().jsonName(),
                t.link().control(), t.transport() != null ? "  CI=%02X".formatted(t.transport().ci()) : ""));
        MeterAddress m = t.meter();
        sb.append("Meter              id %s  manufacturer %s  version %d  medium %s (%02X)%n".formatted(m.id(),
                m.manufacturerLetters(), m.version(), m.medium().jsonName(), m.deviceType()));
        if (!m.equals(t.linkAddress())) {
            MeterAddress l = t.linkAddress();
            sb.append("Sent by            id %s  manufacturer %s  version %d  medium %s (%02X)%n".formatted(l.id(),
                    l.manufacturerLetters(), l.version(), l.medium().jsonName(), l.deviceType()));
        }
        if (t.status() != null) {
            sb.append("Access number      %d   status %02X (%s)%n".formatted(t.accessNumber(), t.status().value(),
                    t.status().describe()));
        } else if (t.accessNumber() >= 0) {
            sb.append("Access number      %d%n".formatted(t.accessNumber()));
        }
        Configuration cfg = t.transport() == null ? null : t.transport().configuration();
        if (cfg != null && cfg.word() != 0) {
            sb.append("Configuration      %04X (security mode %d)%n".formatted(cfg.word(), cfg.securityMode()));
        }
        if (t.ell() != null) {
            sb.append("Extended link      CI=%02X  CC=%02X  access %d%s%n".formatted(t.ell().ci(),
                    t.ell().communicationControl(), t.ell().accessNumber(), t.ell().sessionNumber() >= 0
                            ? "  session %08X".formatted(t.ell().sessionNumber()) : ""));
        }
        if (t.afl() != null) {
            sb.append("Authentication     FCL=%04X  MCL=%02X  counter %d  MAC %d bytes%n".formatted(
                    t.afl().fragmentControl(), t.afl().messageControl(), t.afl().messageCounter(),
                    t.afl().mac().length));
        }
        for (Decryption d : t.decryptions()) {
            sb.append("Decrypted          %s (%s key, %d bytes)%n".formatted(d.method().jsonName(),
                    d.keySource().jsonName(), d.bytes()));
        }
        for (String w : t.warnings()) {
            sb.append("Note               ").append(w).append('\n');
        }
        DeviceProfile profile = TelegramJson.PROFILES_FOR_TABLE.find(m.manufacturerLetters(), m.version()).orElse(null);
        if (profile != null) {
            sb.append("Profile            ").append(profile.name()).append('\n');
        }
        payload(sb, t, profile, russian);
        return sb.toString();
    }

    /**
     * What a wireless telegram carries, as {@link #wireless} prints it after the headers: the
     * records with their meanings, or why there are none (for a live listing under a one-line header).
     */
    public static String wirelessPayload(WirelessTelegram t, boolean russian) {
        StringBuilder sb = new StringBuilder();
        MeterAddress m = t.meter();
        payload(sb, t, TelegramJson.PROFILES_FOR_TABLE.find(m.manufacturerLetters(), m.version()).orElse(null), russian);
        return sb.toString();
    }

    private static void payload(StringBuilder sb, WirelessTelegram t, DeviceProfile profile, boolean russian) {
        Payload p = t.payload();
        if (p instanceof Payload.Undecoded u) {
            sb.append("Not decoded        ").append(u.reason().describe()).append('\n');
        } else if (p instanceof Payload.ManufacturerSpecific ms) {
            sb.append("Manufacturer data  ").append(HEX.formatHex(ms.data())).append('\n');
        } else if (p instanceof Payload.Message msg) {
            if (msg.message() instanceof ApplicationMessage.VariableDataResponse r) {
                records(sb, r.data().records(), profile, russian);
                if (r.data().manufacturerData().length > 0) {
                    sb.append("Manufacturer data  ").append(HEX.formatHex(r.data().manufacturerData())).append('\n');
                }
            } else if (msg.message() instanceof ApplicationMessage.ApplicationError e) {
                sb.append("Application error  ").append(e.code()).append(": ").append(e.meaning()).append('\n');
            } else if (msg.message() instanceof ApplicationMessage.Alarm a) {
                sb.append("Alarm              ").append(HEX.formatHex(a.status())).append('\n');
            }
        }
    }

    /** The readable form of a readout: where, when, the header, then the records of every telegram. */
    public static String readout(Readout readout, boolean russian) {
        StringBuilder sb = new StringBuilder();
        sb.append("Read               ").append(readout.slave()).append(" at ").append(readout.readAt())
                .append("  (").append(readout.telegrams().size()).append(" telegram(s), ")
                .append(readout.duration().toMillis()).append(" ms, ").append(readout.transactions())
                .append(" requests)\n");
        response(sb, readout.telegrams(), russian);
        return sb.toString();
    }

    private static void response(StringBuilder sb, List<ApplicationMessage.VariableDataResponse> telegrams,
            boolean russian) {
        Header header = telegrams.get(0).header();
        header(sb, header);
        DeviceProfile profile = TelegramJson.profileOf(header);
        if (profile != null) {
            sb.append("Profile            ").append(profile.name()).append('\n');
        }
        List<DataRecord> all = new ArrayList<>();
        telegrams.forEach(t -> all.addAll(t.data().records()));
        records(sb, all, profile, russian);
        RecordSet last = telegrams.get(telegrams.size() - 1).data();
        if (last.manufacturerData().length > 0) {
            sb.append("Manufacturer data  ").append(HEX.formatHex(last.manufacturerData())).append('\n');
        }
        if (last.moreRecordsFollow()) {
            sb.append("More records follow: request the next telegram.\n");
        }
    }

    private static String frameLine(Frame f) {
        if (f instanceof ShortFrame s) {
            return "Frame              short  C=%02X A=%d%n".formatted(s.control(), s.address());
        }
        if (f instanceof ControlFrame c) {
            return "Frame              control  C=%02X A=%d CI=%02X%n".formatted(c.control(), c.address(), c.ci());
        }
        if (f instanceof LongFrame l) {
            return "Frame              long  C=%02X A=%d CI=%02X  %d data bytes%n"
                    .formatted(l.control(), l.address(), l.ci(), l.dataLength());
        }
        return "Frame              ack (E5)\n";
    }

    private static void header(StringBuilder sb, Header header) {
        if (header instanceof LongHeader h) {
            sb.append("Meter              id %s  manufacturer %s  version %d  medium %s (%02X)%n".formatted(h.id(),
                    h.manufacturerLetters(), h.version(), Medium.of(h.medium()).jsonName(), h.medium()));
            sb.append("Secondary address  ").append(h.secondaryAddress()).append('\n');
        } else if (header instanceof FixedHeader h) {
            sb.append("Meter              id %s  medium %s (fixed data structure)%n"
                    .formatted(h.id(), Medium.of(h.medium()).jsonName()));
        }
        if (header.status() != null) {
            sb.append("Access number      %d   status %02X (%s)%n"
                    .formatted(header.accessNumber(), header.status().value(), header.status().describe()));
        }
        if (header instanceof LongHeader h && h.signature() != 0) {
            sb.append("Configuration      %04X (security mode %d)%n".formatted(h.signature(), h.securityMode()));
        }
    }

    private static void records(StringBuilder sb, List<DataRecord> records, DeviceProfile profile, boolean russian) {
        sb.append('\n').append(RECORD_FORMAT.formatted("#", "storage", "tariff", "subunit", "function", "quantity",
                "value", "unit", profile == null ? "" : russian ? "значение" : "meaning"));
        int n = 1;
        for (DataRecord r : records) {
            Value v = r.value();
            String value = v instanceof Value.Unavailable ? "—" : v.text();
            String meaning = profile == null ? "" : profile.meaningOf(r)
                    .map(m -> russian ? m.labelRu() : m.labelEn()).orElse("");
            if (v instanceof Value.Unavailable u) {
                meaning = (meaning + " (" + u.reason() + ")").trim();
            }
            if (profile != null && r.quantity() == Quantity.ERROR_FLAGS && v instanceof Value.Numeric num) {
                for (ErrorMeaning e : profile.errorsOf(num.amount().longValue())) {
                    meaning += "; " + (russian ? e.labelRu() : e.labelEn());
                }
            }
            sb.append(RECORD_FORMAT.formatted(n++, r.storageNumber(), r.tariff(), r.subunit(),
                    r.function().jsonName(), r.quantity().jsonName(), value, r.unit().symbol(), meaning));
        }
    }
}
