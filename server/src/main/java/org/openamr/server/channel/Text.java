package org.openamr.server.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openamr.acquisition.modbus.CrcErrorException;
import org.openamr.acquisition.modbus.ModbusMasterException;
import org.openamr.acquisition.modbus.NoAnswerException;
import org.openamr.acquisition.modbus.SlaveRefusedException;
import org.openamr.acquisition.modbus.UnexpectedAnswerException;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.InvalidResponseException;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.MeterApplicationErrorException;
import org.openamr.mbus.master.NoResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A text the server writes about acquisition (a job's message or error, a run's message, a meter's
 * outcome): a kind with its arguments, each a plain value (an address, a count, a serial) or a text of
 * its own. It is stored beside the English sentence the API shows, and said in the reader's language on
 * the pages by {@link AcquisitionTexts}, message {@code acq.text.<kind>}.
 */
public record Text(Kind kind, List<Object> args) {

    /** Each kind's wording is {@code acq.text.<name>} in the message bundles. */
    public enum Kind {
        /** A sentence of no known kind (an exception's message, a converter's complaint), shown as it is. */
        RAW,
        /** Several texts, joined by "; ". */
        LIST,
        JOB_WAITING_WORKER, JOB_WAITING_CHANNEL, JOB_WAITING_CHANNEL_HELD, JOB_BUSY, JOB_STOPPING, JOB_STOPPED,
        JOB_BROKE_OFF, JOB_FAILED,
        CHANNEL_CANNOT_OPEN, POLL_SERVER_STOPPED, RUN_SERVER_STOPPED, POLL_NOT_READ, POLL_NO_METERS,
        POLL_NOT_STORED, POLL_BROKE_OFF,
        SEARCH_BROKE_OFF, SEARCH_NO_METER, SEARCH_SHARED_SECONDARY, SEARCH_UNREADABLE_SECONDARY,
        SEARCH_FIRST_TELEGRAM_ONLY, SEARCH_PRIMARY_GARBLED, SEARCH_PRIMARY_UNREADABLE,
        OUTCOME_NO_ADDRESS, OUTCOME_NOT_READ, OUTCOME_WRONG_METER, OUTCOME_NOT_STORED,
        /** A meter of a MODBUS channel that cannot be read: no unit id, one outside 1–247, no register map. */
        OUTCOME_NO_UNIT, OUTCOME_BAD_UNIT, OUTCOME_NO_MAP,
        /**
         * A Modbus master's failures: channel, unit, the master's English detail, and for a slave's refusal the
         * exception code with its Russian name and meaning.
         */
        MODBUS_NO_ANSWER, MODBUS_CRC, MODBUS_REFUSED, MODBUS_UNEXPECTED_ANSWER, MODBUS_CHANNEL_FAILURE,
        MODBUS_UNDECODABLE,
        /** An M-Bus master's failures: channel, slave, and the master's own English detail (API only). */
        MBUS_NO_RESPONSE, MBUS_INVALID_RESPONSE, MBUS_APPLICATION_ERROR, MBUS_CHANNEL_FAILURE, MBUS_OTHER,
        /** How a meter was addressed: {@code acq.addressedBy.*} already say it. */
        ADDRESS_PRIMARY, ADDRESS_SECONDARY, ADDRESS_UNIT;

        public String key() {
            return switch (this) {
                case ADDRESS_PRIMARY -> "acq.addressedBy.primary";
                case ADDRESS_SECONDARY -> "acq.addressedBy.secondary";
                case ADDRESS_UNIT -> "acq.addressedBy.unit";
                default -> "acq.text." + name();
            };
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ADDRESS = Pattern.compile("(primary|secondary) address (.+)|Modbus unit ([0-9]+)");

    public Text {
        args = List.copyOf(args.stream().map(a -> a instanceof Text ? a : String.valueOf(a)).toList());
    }

    public static Text of(Kind kind, Object... args) {
        return new Text(kind, List.of(args));
    }

    public static Text raw(String sentence) {
        return of(Kind.RAW, sentence == null ? "" : sentence);
    }

    /** Several texts as one; a single one as itself. */
    public static Text all(List<Text> texts) {
        return texts.size() == 1 ? texts.get(0) : new Text(Kind.LIST, new ArrayList<>(texts));
    }

    /** "primary address 5" / "secondary address …" as a text, so that the page says it in its language. */
    public static Text address(String addressedBy) {
        Matcher m = addressedBy == null ? null : ADDRESS.matcher(addressedBy);
        if (m == null || !m.matches()) {
            return raw(addressedBy);
        }
        if (m.group(3) != null) {
            return of(Kind.ADDRESS_UNIT, m.group(3));
        }
        return of("primary".equals(m.group(1)) ? Kind.ADDRESS_PRIMARY : Kind.ADDRESS_SECONDARY, m.group(2));
    }

    /** How a meter of a MODBUS channel is addressed, as outcomes store it: {@code Modbus unit 5}. */
    public static String modbusUnit(int unit) {
        return "Modbus unit " + unit;
    }

    /** A Modbus master's failure by its kind, with the channel and the unit it names. */
    public static Text of(ModbusMasterException e) {
        Kind kind = e instanceof NoAnswerException ? Kind.MODBUS_NO_ANSWER
                : e instanceof CrcErrorException ? Kind.MODBUS_CRC
                : e instanceof SlaveRefusedException ? Kind.MODBUS_REFUSED
                : e instanceof UnexpectedAnswerException ? Kind.MODBUS_UNEXPECTED_ANSWER
                : e instanceof org.openamr.acquisition.modbus.ChannelFailureException ? Kind.MODBUS_CHANNEL_FAILURE
                : Kind.MODBUS_UNDECODABLE;
        String prefix = "unit " + e.unit() + " on " + e.channel() + ": ";
        String message = e.getMessage();
        String detail = message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        String russian = e instanceof SlaveRefusedException r ? r.code()
                .map(c -> String.format("%02X %s (%s)", c.code(), c.nameRu(), c.meaningRu()))
                .orElse(String.format("%02X", r.rawCode())) : "";
        return of(kind, e.channel(), of(Kind.ADDRESS_UNIT, String.valueOf(e.unit())), detail, russian);
    }

    /** A master's failure by its kind, with the channel and the slave it names. */
    public static Text of(MasterException e) {
        Kind kind = e instanceof NoResponseException ? Kind.MBUS_NO_RESPONSE
                : e instanceof InvalidResponseException ? Kind.MBUS_INVALID_RESPONSE
                : e instanceof MeterApplicationErrorException ? Kind.MBUS_APPLICATION_ERROR
                : e instanceof ChannelFailureException ? Kind.MBUS_CHANNEL_FAILURE : Kind.MBUS_OTHER;
        String prefix = e.channel() + ", " + e.slave() + ": ";
        String message = e.getMessage();
        String detail = message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return of(kind, e.channel(), address(e.slave()), detail);
    }

    public String toJson() {
        return JSON.writeValueAsString(tree());
    }

    private ObjectNode tree() {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kind.name());
        ArrayNode a = node.putArray("args");
        for (Object arg : args) {
            if (arg instanceof Text t) {
                a.add(t.tree());
            } else {
                a.add((String) arg);
            }
        }
        return node;
    }

    /** The text stored by {@link #toJson}; null for none (rows written before texts were stored). */
    public static Text fromJson(String json) {
        return json == null ? null : fromTree(JSON.readTree(json));
    }

    private static Text fromTree(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode a : node.get("args")) {
            args.add(a.isObject() ? fromTree(a) : a.asString());
        }
        return new Text(Kind.valueOf(node.get("kind").asString()), args);
    }
}
