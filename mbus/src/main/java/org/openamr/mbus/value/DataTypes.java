package org.openamr.mbus.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The data types of EN 13757-3 Annex A as pure functions over little-endian bytes. Every decoder
 * takes the bytes in wire order (least significant byte first) and never throws for any content:
 * contents that cannot be a value give {@link Value.Unavailable}.
 */
public final class DataTypes {

    private DataTypes() {
    }

    /** Type B: signed two's complement integer of 1–8 bytes. */
    public static long signedInteger(byte[] b, int off, int len) {
        long v = unsignedInteger(b, off, len);
        int bits = len * 8;
        return bits == 64 ? v : (v << (64 - bits)) >> (64 - bits);
    }

    /** Type C: unsigned integer of 1–8 bytes (8 bytes wrap into the sign; callers use ≤ 7). */
    public static long unsignedInteger(byte[] b, int off, int len) {
        long v = 0;
        for (int i = len - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** Type C as an exact unsigned number of any length. */
    public static BigInteger unsignedBig(byte[] b, int off, int len) {
        byte[] be = new byte[len + 1];
        for (int i = 0; i < len; i++) {
            be[len - i] = b[off + i];
        }
        return new BigInteger(be);
    }

    /** Type B as an exact signed number of any length. */
    public static BigInteger signedBig(byte[] b, int off, int len) {
        if (len == 0) {
            return BigInteger.ZERO;
        }
        byte[] be = new byte[len];
        for (int i = 0; i < len; i++) {
            be[len - 1 - i] = b[off + i];
        }
        return new BigInteger(be);
    }

    /**
     * Type A: BCD, least significant digit pair first. A most significant nibble F means a negative
     * number (EN 13757-3 A.1); any other digit above 9 marks the value as invalid.
     */
    public static Value bcd(byte[] b, int off, int len) {
        long v = 0;
        long nominal = 0;
        boolean negative = false;
        boolean invalid = false;
        for (int i = len - 1; i >= 0; i--) {
            int hi = (b[off + i] >> 4) & 0x0F;
            int lo = b[off + i] & 0x0F;
            if (i == len - 1 && hi == 0x0F) {
                negative = true;
                hi = 0;
            }
            invalid |= hi > 9 || lo > 9;
            v = v * 100 + hi * 10 + lo;
            // libmbus's reading of such digits: a high nibble above 9 counts as 0, a low one as its value.
            nominal = (nominal * 10 + (hi > 9 ? 0 : hi)) * 10 + lo;
        }
        if (invalid) {
            // EN 13757-3 uses hex digits in BCD fields to signal errors: no number, whatever the digits.
            return new Value.Unavailable("BCD digits " + hex(b, off, len) + " contain error digits (A-F)",
                    Long.toString(negative ? -nominal : nominal));
        }
        return new Value.Numeric(BigDecimal.valueOf(negative ? -v : v));
    }

    /** BCD digits as text, most significant first, e.g. an identification number. Null when a digit is not decimal. */
    public static String bcdDigits(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = len - 1; i >= 0; i--) {
            int hi = (b[off + i] >> 4) & 0x0F;
            int lo = b[off + i] & 0x0F;
            if (hi > 9 || lo > 9) {
                return null;
            }
            sb.append((char) ('0' + hi)).append((char) ('0' + lo));
        }
        return sb.toString();
    }

    /**
     * Type H: IEEE 754 single precision. The wire carries a binary float; its shortest decimal
     * representation is the value the meter meant, so that is what becomes the exact decimal.
     */
    public static Value real32(byte[] b, int off) {
        int bits = (int) unsignedInteger(b, off, 4);
        float f = Float.intBitsToFloat(bits);
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return new Value.Unavailable("floating-point value is " + f);
        }
        return new Value.Numeric(shortestDecimal(f));
    }

    /**
     * The shortest decimal that reads back as {@code f}: what a meter storing a float meant. Public
     * because every protocol that carries IEEE 754 floats (type H here, float32 registers in Modbus)
     * must turn them into the same decimals.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which are no number; callers
     *         report them in their own terms before calling
     */
    public static BigDecimal shortestDecimal(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            throw new IllegalArgumentException("floating-point value " + f + " is not a number");
        }
        return new BigDecimal(Float.toString(f));
    }

    /** Type G: date in 16 bits. Day 0 or month 0 mean "not set" (every day / every month). */
    public static Value dateG(byte[] b, int off) {
        int b0 = b[off] & 0xFF;
        int b1 = b[off + 1] & 0xFF;
        int day = b0 & 0x1F;
        int month = b1 & 0x0F;
        int year = ((b0 & 0xE0) >> 5) | ((b1 & 0xF0) >> 1);
        return date(day, month, year, b, off, 2);
    }

    /** Type F: date and time to the minute in 32 bits, bit 7 of the first byte = invalid, SU = summer time. */
    public static Value dateTimeF(byte[] b, int off) {
        int b0 = b[off] & 0xFF;
        int b1 = b[off + 1] & 0xFF;
        int b2 = b[off + 2] & 0xFF;
        int b3 = b[off + 3] & 0xFF;
        if ((b0 & 0x80) != 0) {
            return new Value.Unavailable("date/time " + hex(b, off, 4) + " is marked invalid by the meter");
        }
        int minute = b0 & 0x3F;
        int hour = b1 & 0x1F;
        int day = b2 & 0x1F;
        int month = b3 & 0x0F;
        int year = ((b2 & 0xE0) >> 5) | ((b3 & 0xF0) >> 1);
        return dateTime(year, month, day, hour, minute, 0, (b1 & 0x80) != 0, b, off, 4);
    }

    /**
     * Type I: date and time to the second in 48 bits; byte 2 bits 5–7 hold the day of week and byte
     * 5 the week number, which follow from the date. Its summer-time flag is not read: the
     * sources at hand disagree on its place, and a wrong flag would shift readings by an hour.
     */
    public static Value dateTimeI(byte[] b, int off) {
        int second = b[off] & 0x3F;
        int b1 = b[off + 1] & 0xFF;
        int b2 = b[off + 2] & 0xFF;
        int b3 = b[off + 3] & 0xFF;
        int b4 = b[off + 4] & 0xFF;
        if ((b1 & 0x80) != 0) {
            return new Value.Unavailable("date/time " + hex(b, off, 6) + " is marked invalid by the meter");
        }
        int minute = b1 & 0x3F;
        int hour = b2 & 0x1F;
        int day = b3 & 0x1F;
        int month = b4 & 0x0F;
        int year = ((b3 & 0xE0) >> 5) | ((b4 & 0xF0) >> 1);
        return dateTime(year, month, day, hour, minute, second, false, b, off, 6);
    }

    /** Type J: time of day in 24 bits (seconds, minutes, hours). */
    public static Value timeJ(byte[] b, int off) {
        int second = b[off] & 0x3F;
        int minute = b[off + 1] & 0x3F;
        int hour = b[off + 2] & 0x1F;
        if (second > 59 || minute > 59 || hour > 23) {
            return new Value.Unavailable("time " + hex(b, off, 3) + " is not a valid time of day");
        }
        return new Value.TimeOfDay(LocalTime.of(hour, minute, second));
    }

    /** Two-digit years of M-Bus dates: 81–99 are 1981–1999, 0–80 are 2000–2080 (as libmbus reads them). */
    static int fullYear(int year) {
        return year > 80 ? 1900 + year : 2000 + year;
    }

    private static Value date(int day, int month, int year, byte[] b, int off, int len) {
        if (day == 0 || month == 0 || month == 15 || year == 127) {
            return new Value.Unavailable("date " + hex(b, off, len) + " is not set");
        }
        if (year > 99) {
            return new Value.Unavailable("date " + hex(b, off, len) + " has year " + year);
        }
        try {
            return new Value.Date(LocalDate.of(fullYear(year), month, day));
        } catch (DateTimeException e) {
            return new Value.Unavailable("date " + hex(b, off, len) + " is not a calendar date");
        }
    }

    private static Value dateTime(int year, int month, int day, int hour, int minute, int second, boolean summer,
            byte[] b, int off, int len) {
        if (day == 0 || month == 0 || month == 15 || year == 127) {
            return new Value.Unavailable("date/time " + hex(b, off, len) + " is not set");
        }
        if (year > 99 || hour > 23 || minute > 59 || second > 59) {
            return new Value.Unavailable("date/time " + hex(b, off, len) + " is out of range");
        }
        try {
            return new Value.DateTime(LocalDateTime.of(fullYear(year), month, day, hour, minute, second), summer);
        } catch (DateTimeException e) {
            return new Value.Unavailable("date/time " + hex(b, off, len) + " is not a calendar date");
        }
    }

    // ---- encoders, the inverse of the decoders above -------------------------------------------

    /** Writes {@code value} as a little-endian two's complement integer of {@code len} bytes. */
    public static void writeInteger(long value, byte[] out, int off, int len) {
        for (int i = 0; i < len; i++) {
            out[off + i] = (byte) (value >> (8 * i));
        }
    }

    /** Writes type A BCD of {@code len} bytes; negative values take the F sign nibble. */
    public static void writeBcd(long value, byte[] out, int off, int len) {
        long v = Math.abs(value);
        for (int i = 0; i < len; i++) {
            int lo = (int) (v % 10);
            v /= 10;
            int hi = (int) (v % 10);
            v /= 10;
            out[off + i] = (byte) (hi << 4 | lo);
        }
        if (value < 0) {
            out[off + len - 1] = (byte) (out[off + len - 1] | 0xF0);
        }
    }

    public static void writeDateG(LocalDate d, byte[] out, int off) {
        int year = d.getYear() % 100;
        out[off] = (byte) (((year & 0x07) << 5) | d.getDayOfMonth());
        out[off + 1] = (byte) (((year & 0x78) << 1) | d.getMonthValue());
    }

    public static void writeDateTimeF(LocalDateTime t, boolean summer, byte[] out, int off) {
        int year = t.getYear() % 100;
        out[off] = (byte) t.getMinute();
        out[off + 1] = (byte) (t.getHour() | (summer ? 0x80 : 0));
        out[off + 2] = (byte) (((year & 0x07) << 5) | t.getDayOfMonth());
        out[off + 3] = (byte) (((year & 0x78) << 1) | t.getMonthValue());
    }

    public static void writeDateTimeI(LocalDateTime t, byte[] out, int off) {
        int year = t.getYear() % 100;
        out[off] = (byte) t.getSecond();
        out[off + 1] = (byte) t.getMinute();
        out[off + 2] = (byte) (t.getHour() | t.getDayOfWeek().getValue() << 5);
        out[off + 3] = (byte) (((year & 0x07) << 5) | t.getDayOfMonth());
        out[off + 4] = (byte) (((year & 0x78) << 1) | t.getMonthValue());
        out[off + 5] = 0;
    }

    public static void writeTimeJ(LocalTime t, byte[] out, int off) {
        out[off] = (byte) t.getSecond();
        out[off + 1] = (byte) t.getMinute();
        out[off + 2] = (byte) t.getHour();
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) {
            sb.append(Character.toUpperCase(Character.forDigit((b[i] >> 4) & 0x0F, 16)))
              .append(Character.toUpperCase(Character.forDigit(b[i] & 0x0F, 16)));
        }
        return sb.toString();
    }
}
