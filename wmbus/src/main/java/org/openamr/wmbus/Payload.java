package org.openamr.wmbus;

import java.util.Arrays;
import java.util.HexFormat;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.app.ApplicationMessage;

/** What a wireless telegram carries after its headers. */
public sealed interface Payload {

    /**
     * An application message decoded by the M-Bus application layer: records (a
     * {@link ApplicationMessage.VariableDataResponse}), an application error or an alarm.
     */
    record Message(ApplicationMessage message) implements Payload {
    }

    /**
     * Data that could not be read although the telegram is sound: encrypted without a key
     * ({@link MissingKeyException}) or a compact frame of a format not learned yet
     * ({@link UnknownFormatException}). The headers are still known.
     */
    record Undecoded(DecodeException reason, byte[] data) implements Payload {
        public Undecoded {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Undecoded u && u.reason.kind().equals(reason.kind()) && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Undecoded[" + reason.describe() + ", " + data.length + " bytes]";
        }
    }

    /** CI 0xA0–0xB7: the manufacturer's own format, kept as bytes. */
    record ManufacturerSpecific(int ci, byte[] data) implements Payload {
        public ManufacturerSpecific {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ManufacturerSpecific m && m.ci == ci && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data) * 31 + ci;
        }

        @Override
        public String toString() {
            return "ManufacturerSpecific[CI %02X, %s]".formatted(ci, HexFormat.of().withUpperCase().formatHex(data));
        }
    }

    /** A transport layer without application data (CI 0x80, 0x8A, 0x8B), or a link-layer-only telegram. */
    record None() implements Payload {
    }
}
