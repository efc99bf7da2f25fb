package org.openamr.cli.output;

import java.util.HexFormat;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.FixedHeader;
import org.openamr.mbus.app.Header;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.app.ShortHeader;
import org.openamr.mbus.link.ControlFrame;
import org.openamr.mbus.profile.DeviceProfile;
import org.openamr.mbus.profile.DeviceProfiles;
import org.openamr.mbus.profile.ErrorMeaning;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Modifier;
import org.openamr.mbus.record.RecordError;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.Value;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.afl.AuthenticationLayer;
import org.openamr.wmbus.ell.ExtendedLinkLayer;
import org.openamr.wmbus.security.Configuration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a decode, following the contract in {@code shared/conformance/README.md}:
 * frame, header, records with storage/tariff/subunit/function/quantity/unit/value, an
 * {@code applicationError} for CI 0x70 and an {@code error} object for what cannot be decoded.
 */
public final class TelegramJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private TelegramJson() {
    }

    private static final DeviceProfiles PROFILES = DeviceProfiles.builtIn();
    static final DeviceProfiles PROFILES_FOR_TABLE = PROFILES;

    /** The error object of the JSON contract for an input that could not be decoded. */
    public static ObjectNode failure(String kind, String message, int offset) {
        ObjectNode root = NODES.objectNode();
        error(root, kind, message, offset);
        return root;
    }

    /** A whole readout: where and when it was read, the first telegram's header, every telegram's records. */
    public static ObjectNode readout(Readout readout) {
        ObjectNode root = NODES.objectNode();
        root.put("slave", readout.slave());
        root.put("readAt", readout.readAt().toString());
        root.put("durationMs", readout.duration().toMillis());
        root.put("transactions", readout.transactions());
        root.put("telegrams", readout.telegrams().size());
        VariableDataResponse first = readout.telegrams().get(0);
        header(root, first.header());
        DeviceProfile profile = profileOf(first.header());
        if (profile != null) {
            root.put("profile", profile.name());
        }
        ArrayNode arr = root.putArray("records");
        for (VariableDataResponse r : readout.telegrams()) {
            records(arr, root, r.data(), profile);
        }
        return root;
    }

    private static void error(ObjectNode root, String kind, String message, int offset) {
        ObjectNode e = root.putObject("error");
        e.put("kind", kind);
        e.put("message", message);
        e.put("offset", offset);
    }

    public static ObjectNode telegram(Telegram t) {
        ObjectNode root = NODES.objectNode();
        Frame f = t.frame();
        root.put("frame", f.kindName());
        if (f instanceof ShortFrame s) {
            root.put("control", s.control());
            root.put("address", s.address());
        } else if (f instanceof ControlFrame c) {
            root.put("control", c.control());
            root.put("address", c.address());
            root.put("ci", c.ci());
        } else if (f instanceof LongFrame l) {
            root.put("control", l.control());
            root.put("address", l.address());
            root.put("ci", l.ci());
        }
        ApplicationMessage m = t.message();
        if (m instanceof ApplicationMessage.VariableDataResponse r) {
            header(root, r.header());
            DeviceProfile profile = profileOf(r.header());
            if (profile != null) {
                root.put("profile", profile.name());
            }
            records(root.putArray("records"), root, r.data(), profile);
        } else if (m instanceof ApplicationMessage.ApplicationError e) {
            ObjectNode ae = root.putObject("applicationError");
            ae.put("code", e.code());
            ae.put("meaning", e.meaning());
            // For whoever reads the meter this is a failed readout, so it is an error too.
            error(root, "application-error", "the meter answered with application error " + e.code() + ": "
                    + e.meaning(), TelegramCodec.DATA_OFFSET);
        } else if (m instanceof ApplicationMessage.Alarm a) {
            root.put("alarm", HEX.formatHex(a.status()));
        } else if (m instanceof ApplicationMessage.ApplicationReset r) {
            root.put("request", "applicationReset");
            if (r.subcode() >= 0) {
                root.put("subcode", r.subcode());
            }
        } else if (m instanceof ApplicationMessage.DataSend s) {
            root.put("request", "dataSend");
            records(root.putArray("records"), root, s.data(), null);
        } else if (m instanceof ApplicationMessage.Selection s) {
            root.put("request", "selection");
            root.put("secondaryAddress", s.mask().toString());
        } else if (m instanceof ApplicationMessage.BaudRateSwitch b) {
            root.put("request", "baudRateSwitch");
            root.put("baud", b.baud());
        }
        return root;
    }

    /**
     * A wireless telegram in the same shape as a wired one: {@code frame} "wireless", the header of
     * the meter (the transport layer's long header, else the link layer's address, with the access
     * number and status of the transport layer or the ELL) and the records; plus the layers below
     * ({@code link}, {@code ell}, {@code afl}), what was decrypted, and {@code notDecoded} with the
     * reason when the payload could not be read (no key, unknown compact layout).
     */
    public static ObjectNode wireless(WirelessTelegram t) {
        ObjectNode root = NODES.objectNode();
        root.put("frame", "wireless");
        root.put("format", t.format().jsonName());
        root.put("control", t.link().control());
        if (t.transport() != null) {
            root.put("ci", t.transport().ci());
        }
        MeterAddress meter = t.meter();
        ObjectNode h = root.putObject("header");
        address(h, meter);
        if (t.accessNumber() >= 0) {
            h.put("accessNumber", t.accessNumber());
        }
        if (t.status() != null) {
            h.put("status", t.status().value());
            h.put("statusText", t.status().describe());
        }
        Configuration cfg = t.transport() == null ? null : t.transport().configuration();
        if (cfg != null) {
            h.put("signature", cfg.word());
            h.put("securityMode", cfg.securityMode());
        }
        address(root.putObject("link"), t.linkAddress());
        if (t.ell() != null) {
            ExtendedLinkLayer e = t.ell();
            ObjectNode o = root.putObject("ell");
            o.put("ci", e.ci());
            o.put("communicationControl", e.communicationControl());
            o.put("accessNumber", e.accessNumber());
            if (e.sessionNumber() >= 0) {
                o.put("sessionNumber", e.sessionNumber());
                o.put("encryption", e.encryption());
            }
        }
        if (t.afl() != null) {
            AuthenticationLayer a = t.afl();
            ObjectNode o = root.putObject("afl");
            o.put("fragmentControl", a.fragmentControl());
            o.put("messageControl", a.messageControl());
            if (a.messageCounter() >= 0) {
                o.put("messageCounter", a.messageCounter());
            }
            o.put("macBytes", a.mac().length);
        }
        if (!t.decryptions().isEmpty()) {
            ArrayNode arr = root.putArray("decrypted");
            for (Decryption d : t.decryptions()) {
                ObjectNode o = arr.addObject();
                o.put("method", d.method().jsonName());
                o.put("key", d.keySource().jsonName());
                o.put("bytes", d.bytes());
            }
        }
        DeviceProfile profile = PROFILES.find(meter.manufacturerLetters(), meter.version()).orElse(null);
        if (profile != null) {
            root.put("profile", profile.name());
        }
        ArrayNode records = root.putArray("records");
        Payload p = t.payload();
        if (p instanceof Payload.Message m) {
            if (m.message() instanceof ApplicationMessage.VariableDataResponse r) {
                records(records, root, r.data(), profile);
            } else if (m.message() instanceof ApplicationMessage.ApplicationError e) {
                ObjectNode ae = root.putObject("applicationError");
                ae.put("code", e.code());
                ae.put("meaning", e.meaning());
            } else if (m.message() instanceof ApplicationMessage.Alarm a) {
                root.put("alarm", HEX.formatHex(a.status()));
            }
        } else if (p instanceof Payload.Undecoded u) {
            ObjectNode nd = root.putObject("notDecoded");
            nd.put("kind", u.reason().kind());
            nd.put("message", u.reason().getMessage());
            nd.put("offset", u.reason().offset());
            nd.put("data", HEX.formatHex(u.data()));
        } else if (p instanceof Payload.ManufacturerSpecific ms) {
            root.put("manufacturerData", HEX.formatHex(ms.data()));
        }
        if (!t.warnings().isEmpty()) {
            ArrayNode w = root.putArray("warnings");
            t.warnings().forEach(w::add);
        }
        return root;
    }

    private static void address(ObjectNode h, MeterAddress a) {
        h.put("id", a.id());
        h.put("manufacturer", a.manufacturerLetters());
        h.put("version", a.version());
        h.put("medium", a.medium().jsonName());
        h.put("deviceType", a.deviceType());
    }

    private static void header(ObjectNode root, Header header) {
        ObjectNode h = root.putObject("header");
        if (header instanceof LongHeader l) {
            h.put("id", l.id());
            h.put("manufacturer", l.manufacturerLetters());
            h.put("version", l.version());
            h.put("medium", Medium.of(l.medium()).jsonName());
            h.put("deviceType", l.medium());
            h.put("secondaryAddress", l.secondaryAddress().toString());
        } else if (header instanceof FixedHeader x) {
            h.put("id", x.id());
            h.put("medium", Medium.of(x.medium()).jsonName());
        }
        if (header.accessNumber() >= 0) {
            h.put("accessNumber", header.accessNumber());
        }
        if (header.status() != null) {
            h.put("status", header.status().value());
            h.put("statusText", header.status().describe());
        }
        if (header instanceof LongHeader l) {
            h.put("signature", l.signature());
        } else if (header instanceof ShortHeader s) {
            h.put("signature", s.signature());
        }
    }

    public static DeviceProfile profileOf(Header header) {
        return header instanceof LongHeader l ? PROFILES.find(l.manufacturerLetters(), l.version()).orElse(null)
                : null;
    }

    private static void records(ArrayNode arr, ObjectNode root, RecordSet set, DeviceProfile profile) {
        for (DataRecord r : set.records()) {
            ObjectNode o = record(r);
            if (profile != null) {
                named(o, r, profile);
            }
            arr.add(o);
        }
        if (set.manufacturerData().length > 0) {
            String hex = HEX.formatHex(set.manufacturerData());
            root.put("manufacturerData", hex);
            // Listed as a record too, as libmbus and pyMeterBus do, so that record-by-record
            // comparisons line up; "manufacturerData": true marks it.
            ObjectNode o = arr.addObject();
            o.put("storage", 0);
            o.put("tariff", 0);
            o.put("subunit", 0);
            o.put("function", "instantaneous");
            o.put("quantity", "manufacturerSpecific");
            o.put("unit", "");
            o.put("value", hex);
            o.put("manufacturerData", true);
        }
        if (set.moreRecordsFollow()) {
            root.put("moreRecordsFollow", true);
        }
    }

    private static void named(ObjectNode o, DataRecord r, DeviceProfile profile) {
        profile.meaningOf(r).ifPresent(m -> {
            o.put("name", m.name());
            o.put("label", m.labelEn());
            o.put("labelRu", m.labelRu());
        });
        if (r.quantity() == Quantity.ERROR_FLAGS && r.value() instanceof Value.Numeric n) {
            ArrayNode errors = o.putArray("errors");
            for (ErrorMeaning e : profile.errorsOf(n.amount().longValue())) {
                ObjectNode eo = errors.addObject();
                eo.put("code", e.code());
                eo.put("label", e.labelEn());
                eo.put("labelRu", e.labelRu());
                eo.put("stopsIntegration", e.stopsIntegration());
            }
        }
    }

    static ObjectNode record(DataRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("storage", r.storageNumber());
        o.put("tariff", r.tariff());
        o.put("subunit", r.subunit());
        o.put("function", r.function().jsonName());
        o.put("quantity", r.quantity().jsonName());
        o.put("unit", r.unit().symbol());
        Value v = r.value();
        if (v instanceof Value.Unavailable u) {
            // "value" then shows what other decoders print for these bytes (or null); "valid": false
            // says it is no reading.
            o.put("value", u.nominal());
            o.put("valid", false);
            o.put("invalid", u.reason());
        } else {
            o.put("value", v.text());
        }
        o.put("description", r.valueInformation().meaning().description());
        if (!r.valueInformation().meaning().modifiers().isEmpty()) {
            ArrayNode mods = o.putArray("modifiers");
            for (Modifier m : r.valueInformation().meaning().modifiers()) {
                mods.add(m.description());
            }
        }
        if (r.valueInformation().meaning().recordError() >= 0) {
            o.put("recordError", RecordError.meaning(r.valueInformation().meaning().recordError()));
        }
        o.put("dib", HEX.formatHex(r.dataInformation().encode()));
        o.put("vib", HEX.formatHex(r.valueInformation().encode()));
        o.put("data", HEX.formatHex(r.data()));
        o.put("offset", r.offset());
        return o;
    }
}
