package org.openamr.server.channel;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;

/**
 * A change to a channel: the fields it sets, each absent ({@code null}: keep the stored value) or given
 * (possibly as null, which removes a schedule or a building). Read from the JSON object of a {@code PATCH};
 * what is wrong with it is kept, not thrown, so that {@link ChannelService} refuses it only after the caller's
 * rights and the channel's existence have been checked, as before.
 *
 * @param problem what makes the whole change unacceptable (empty, an unknown field, the kind), or null
 */
public record ChannelPatch(Field<String> name, Field<String> address, Field<Integer> baud,
                           Field<String> scheduleCron, Field<Boolean> enabled, Field<UUID> buildingId,
                           Field<String> modbusMap, String problem) {

    static final Set<String> PATCHABLE = Set.of("name", "address", "baud", "scheduleCron", "enabled", "buildingId",
            "modbusMap");

    /**
     * A field given in the change: its value, or why the JSON value does not fit the field (thrown when the
     * value is used).
     */
    public record Field<T>(T given, String wrong) {

        T value() {
            if (wrong != null) {
                throw new BadRequestException(wrong);
            }
            return given;
        }
    }

    /** Only the schedule: set, or removed with null. */
    public static ChannelPatch schedule(String cron) {
        return new ChannelPatch(null, null, null, new Field<>(cron, null), null, null, null, null);
    }

    /** Only the address (a gateway's host and port, or a serial port). */
    public static ChannelPatch address(String address) {
        return new ChannelPatch(null, new Field<>(address, null), null, null, null, null, null, null);
    }

    /** The change a JSON object asks for, with errors naming the field. */
    public static ChannelPatch of(Map<String, Object> json) {
        String problem = null;
        if (json == null || json.isEmpty()) {
            problem = "nothing to change: give one or more of " + String.join(", ", PATCHABLE);
        } else {
            for (String key : json.keySet()) {
                if ("kind".equals(key)) {
                    problem = "kind cannot be changed; create a new channel of the other kind";
                    break;
                }
                if (!PATCHABLE.contains(key)) {
                    problem = "unknown field '" + key + "': a channel's changeable fields are "
                            + String.join(", ", PATCHABLE);
                    break;
                }
            }
        }
        Map<String, Object> fields = json == null ? Map.of() : json;
        return new ChannelPatch(field(fields, "name", ChannelPatch::string), field(fields, "address", ChannelPatch::string),
                field(fields, "baud", ChannelPatch::integer), field(fields, "scheduleCron", ChannelPatch::string),
                field(fields, "enabled", ChannelPatch::bool), field(fields, "buildingId", ChannelPatch::uuid),
                field(fields, "modbusMap", ChannelPatch::string), problem);
    }

    /** @throws BadRequestException when the change as a whole cannot be made */
    void check() {
        if (problem != null) {
            throw new BadRequestException(problem);
        }
    }

    private interface Reader<T> {
        /** The value, or throws a {@link BadRequestException} saying why it does not fit. */
        T read(String key, Object v);
    }

    private static <T> Field<T> field(Map<String, Object> fields, String key, Reader<T> reader) {
        if (!fields.containsKey(key)) {
            return null;
        }
        try {
            return new Field<>(reader.read(key, fields.get(key)), null);
        } catch (BadRequestException e) {
            return new Field<>(null, e.getMessage());
        }
    }

    private static String string(String key, Object v) {
        if (v != null && !(v instanceof String)) {
            throw new BadRequestException(key + " must be a string, was " + v);
        }
        return (String) v;
    }

    private static Integer integer(String key, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw new BadRequestException(key + " must be a whole number, was " + v);
    }

    private static Boolean bool(String key, Object v) {
        if (!(v instanceof Boolean b)) {
            throw new BadRequestException(key + " must be true or false, was " + v);
        }
        return b;
    }

    private static UUID uuid(String key, Object v) {
        String s = string(key, v);
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(key + " '" + s + "' is not a UUID");
        }
    }
}
