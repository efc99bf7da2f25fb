package org.openamr.mbus.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value of a data record. Numbers are exact decimals; dates and times carry no time zone
 * (M-Bus meters send local time); a value the meter marked as invalid, or that cannot be what the
 * record says it is, is {@link Unavailable} with the reason — never a number.
 */
public sealed interface Value {

    /** The value as the JSON contract writes it: plain decimal, ISO-8601, text or hex; null when unavailable. */
    String text();

    /** An exact decimal in the record's unit. */
    record Numeric(BigDecimal amount) implements Value {
        public Numeric {
            // A negative scale (from 10^n multipliers) would print as 1E+3; keep the digits plain.
            if (amount.scale() < 0) {
                amount = amount.setScale(0);
            }
        }

        @Override
        public String text() {
            return amount.toPlainString();
        }
    }

    /** A calendar date (type G). */
    record Date(LocalDate date) implements Value {
        @Override
        public String text() {
            return date.toString();
        }
    }

    /** A date and time (types F and I); {@code summerTime} is the meter's SU flag. */
    record DateTime(LocalDateTime dateTime, boolean summerTime) implements Value {
        @Override
        public String text() {
            return dateTime.toString();
        }
    }

    /** A time of day (type J). */
    record TimeOfDay(LocalTime time) implements Value {
        @Override
        public String text() {
            return time.toString();
        }
    }

    /** Text, e.g. a plain-text variable-length record, in reading order. */
    record Text(String value) implements Value {
        @Override
        public String text() {
            return value;
        }
    }

    /** Bytes without a standard meaning (manufacturer-specific data, bit fields of unknown width). */
    record Raw(byte[] bytes) implements Value {
        public Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String text() {
            return HexFormat.of().withUpperCase().formatHex(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && Arrays.equals(r.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Raw[" + text() + "]";
        }
    }

    /**
     * No value: the meter marked it invalid or unset, or the bytes cannot hold one.
     *
     * @param nominal what other decoders (libmbus, pyMeterBus) print for these bytes, e.g. BCD
     *                error digits weighted as if decimal; for diagnostics and comparison only, never
     *                a reading. Null when there is none.
     */
    record Unavailable(String reason, String nominal) implements Value {
        public Unavailable(String reason) {
            this(reason, null);
        }

        @Override
        public String text() {
            return null;
        }
    }

    /** The record carries no data (data field 0000 or a selection in a request). */
    record Empty() implements Value {
        @Override
        public String text() {
            return "";
        }
    }
}
