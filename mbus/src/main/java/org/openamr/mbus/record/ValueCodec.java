package org.openamr.mbus.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.openamr.mbus.value.DataTypes;
import org.openamr.mbus.value.Value;

/**
 * Reads and writes the data bytes of one record, given its data field and VIF meaning. Pure
 * functions; decoding never throws for any byte content.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /**
     * @param data the value bytes in wire order, without the LVAR byte
     * @param lvar the LVAR byte for {@link DataField#VARIABLE}, otherwise ignored
     */
    public static Value decode(DataField field, Function function, VifMeaning meaning, byte[] data, int lvar) {
        if (field == DataField.NONE || field == DataField.SELECTION) {
            return new Value.Empty();
        }
        if (function == Function.ERROR && data.length > 0 && allBytes(data, 0x2F)) {
            return new Value.Unavailable("no value: the meter sends filler bytes while in an error state");
        }
        if (field == DataField.VARIABLE) {
            return decodeVariable(meaning, data, lvar);
        }
        switch (meaning.kind()) {
            case RAW:
                return new Value.Raw(data);
            case DATE_TIME:
                return decodeDate(field, data);
            case IDENTIFIER:
                if (field.isBcd()) {
                    String digits = DataTypes.bcdDigits(data, 0, data.length);
                    return digits != null ? new Value.Text(digits)
                            : new Value.Unavailable("identifier " + new Value.Raw(data).text() + " is not BCD");
                }
                return unsignedOrReal(field, data);
            case BITS:
                if (field.isBcd()) {
                    return DataTypes.bcd(data, 0, data.length);
                }
                return unsignedOrReal(field, data);
            default:
                return field == DataField.REAL32 ? scaledReal(number(field, data), meaning)
                        : scaled(number(field, data), meaning);
        }
    }

    private static Value unsignedOrReal(DataField field, byte[] data) {
        if (field == DataField.REAL32) {
            return DataTypes.real32(data, 0);
        }
        return new Value.Numeric(new BigDecimal(DataTypes.unsignedBig(data, 0, data.length)));
    }

    private static Value number(DataField field, byte[] data) {
        if (field == DataField.REAL32) {
            return DataTypes.real32(data, 0);
        }
        if (field.isBcd()) {
            return DataTypes.bcd(data, 0, data.length);
        }
        return new Value.Numeric(BigDecimal.valueOf(DataTypes.signedInteger(data, 0, data.length)));
    }

    private static Value scaled(Value v, VifMeaning meaning) {
        if (meaning.multiplier().compareTo(BigDecimal.ONE) == 0 && meaning.offset().signum() == 0) {
            return v;
        }
        if (v instanceof Value.Numeric n) {
            return new Value.Numeric(scale(n.amount(), meaning));
        }
        if (v instanceof Value.Unavailable u && u.nominal() != null) {
            return new Value.Unavailable(u.reason(),
                    new Value.Numeric(scale(new BigDecimal(u.nominal()), meaning)).text());
        }
        return v;
    }

    private static BigDecimal scale(BigDecimal raw, VifMeaning meaning) {
        return raw.multiply(meaning.multiplier()).add(meaning.offset());
    }

    /** A float has no decimal resolution of its own: scaling it must not invent trailing zeros. */
    private static Value scaledReal(Value v, VifMeaning meaning) {
        Value s = scaled(v, meaning);
        return s instanceof Value.Numeric n ? new Value.Numeric(n.amount().stripTrailingZeros()) : s;
    }

    private static Value decodeDate(DataField field, byte[] data) {
        switch (field) {
            case INT16: return DataTypes.dateG(data, 0);
            case INT24: return DataTypes.timeJ(data, 0);
            case INT32: return DataTypes.dateTimeF(data, 0);
            case INT48: return DataTypes.dateTimeI(data, 0);
            default: return new Value.Unavailable("a date cannot be coded in a " + field + " data field");
        }
    }

    private static Value decodeVariable(VifMeaning meaning, byte[] data, int lvar) {
        if (meaning.kind() == ValueKind.RAW) {
            return new Value.Raw(data);
        }
        if (lvar <= 0xBF) {
            // Text is sent last character first.
            byte[] reversed = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                reversed[i] = data[data.length - 1 - i];
            }
            return new Value.Text(new String(reversed, StandardCharsets.ISO_8859_1));
        }
        if (lvar <= 0xC9 || (lvar >= 0xD0 && lvar <= 0xD9)) {
            Value v = DataTypes.bcd(data, 0, data.length);
            if (lvar >= 0xD0 && v instanceof Value.Numeric n) {
                v = new Value.Numeric(n.amount().negate());
            }
            return scaled(v, meaning);
        }
        BigInteger big = DataTypes.signedBig(data, 0, data.length);
        return scaled(new Value.Numeric(new BigDecimal(big)), meaning);
    }

    /** Data bytes announced by an LVAR byte, or -1 for the reserved codes F7–FF. */
    public static int variableLength(int lvar) {
        if (lvar <= 0xBF) {
            return lvar;
        } else if (lvar <= 0xC9) {
            return lvar - 0xC0;
        } else if (lvar <= 0xCF) {
            return -1;
        } else if (lvar <= 0xD9) {
            return lvar - 0xD0;
        } else if (lvar <= 0xDF) {
            return -1;
        } else if (lvar <= 0xEF) {
            return lvar - 0xE0;
        } else if (lvar <= 0xF4) {
            return 4 * (lvar - 0xEC);
        } else if (lvar == 0xF5) {
            return 48;
        } else if (lvar == 0xF6) {
            return 64;
        }
        return -1;
    }

    // ---- encoding ------------------------------------------------------------------------------

    /**
     * Data bytes for a value; for {@link DataField#VARIABLE} the LVAR byte comes first.
     *
     * @throws IllegalArgumentException when the value cannot be coded exactly in this field
     */
    public static byte[] encode(DataField field, VifMeaning meaning, Value value) {
        if (field == DataField.NONE || field == DataField.SELECTION) {
            require(value instanceof Value.Empty, field, value);
            return new byte[0];
        }
        if (field == DataField.VARIABLE) {
            return encodeVariable(meaning, value);
        }
        byte[] out = new byte[field.length()];
        if (value instanceof Value.Raw r) {
            byte[] b = r.bytes();
            require(b.length == out.length, field, value);
            return b;
        }
        if (value instanceof Value.Date d) {
            require(field == DataField.INT16, field, value);
            DataTypes.writeDateG(d.date(), out, 0);
            return out;
        }
        if (value instanceof Value.DateTime t) {
            require(field == DataField.INT32 || field == DataField.INT48, field, value);
            if (field == DataField.INT32) {
                DataTypes.writeDateTimeF(t.dateTime(), t.summerTime(), out, 0);
            } else {
                DataTypes.writeDateTimeI(t.dateTime(), out, 0);
            }
            return out;
        }
        if (value instanceof Value.TimeOfDay t) {
            require(field == DataField.INT24, field, value);
            DataTypes.writeTimeJ(t.time(), out, 0);
            return out;
        }
        if (value instanceof Value.Text t && field.isBcd()) {
            require(t.value().matches("\\d{" + out.length * 2 + "}"), field, value);
            DataTypes.writeBcd(Long.parseLong(t.value()), out, 0, out.length);
            return out;
        }
        require(value instanceof Value.Numeric, field, value);
        BigDecimal amount = ((Value.Numeric) value).amount();
        boolean scaledKind = meaning.kind() == ValueKind.NUMBER;
        if (field == DataField.REAL32) {
            BigDecimal raw = scaledKind ? unscale(amount, meaning, field, value) : amount;
            float f = raw.floatValue();
            require(new BigDecimal(Float.toString(f)).compareTo(raw) == 0, field, value);
            DataTypes.writeInteger(Float.floatToIntBits(f), out, 0, 4);
            return out;
        }
        BigInteger raw;
        try {
            raw = (scaledKind ? unscale(amount, meaning, field, value) : amount).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw notCodable(field, value);
        }
        boolean unsigned = meaning.kind() == ValueKind.IDENTIFIER || meaning.kind() == ValueKind.BITS;
        if (field.isBcd()) {
            int digits = out.length * 2 - (raw.signum() < 0 ? 1 : 0);
            require(raw.abs().compareTo(BigInteger.TEN.pow(digits)) < 0, field, value);
            DataTypes.writeBcd(raw.longValueExact(), out, 0, out.length);
        } else {
            require(unsigned ? raw.signum() >= 0 && raw.bitLength() <= out.length * 8
                    : raw.bitLength() < out.length * 8, field, value);
            for (int i = 0; i < out.length; i++) {
                out[i] = raw.shiftRight(8 * i).byteValue();
            }
        }
        return out;
    }

    private static byte[] encodeVariable(VifMeaning meaning, Value value) {
        byte[] payload;
        int lvar;
        if (value instanceof Value.Text t) {
            byte[] text = t.value().getBytes(StandardCharsets.ISO_8859_1);
            require(text.length <= 0xBF, DataField.VARIABLE, value);
            payload = new byte[text.length];
            for (int i = 0; i < text.length; i++) {
                payload[i] = text[text.length - 1 - i];
            }
            lvar = text.length;
        } else if (value instanceof Value.Raw r && meaning.kind() == ValueKind.RAW) {
            payload = r.bytes();
            require(payload.length <= 0xBF, DataField.VARIABLE, value);
            lvar = payload.length;
        } else {
            require(value instanceof Value.Numeric, DataField.VARIABLE, value);
            BigInteger raw;
            try {
                raw = unscale(((Value.Numeric) value).amount(), meaning, DataField.VARIABLE, value)
                        .toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw notCodable(DataField.VARIABLE, value);
            }
            byte[] be = raw.toByteArray();
            require(be.length <= 15, DataField.VARIABLE, value);
            payload = new byte[be.length];
            for (int i = 0; i < be.length; i++) {
                payload[i] = be[be.length - 1 - i];
            }
            lvar = 0xE0 + be.length;
        }
        byte[] out = new byte[payload.length + 1];
        out[0] = (byte) lvar;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    private static BigDecimal unscale(BigDecimal amount, VifMeaning meaning, DataField field, Value value) {
        try {
            return amount.subtract(meaning.offset()).divide(meaning.multiplier());
        } catch (ArithmeticException e) {
            throw notCodable(field, value);
        }
    }

    private static void require(boolean ok, DataField field, Value value) {
        if (!ok) {
            throw notCodable(field, value);
        }
    }

    private static IllegalArgumentException notCodable(DataField field, Value value) {
        return new IllegalArgumentException(value + " cannot be coded exactly in a " + field + " data field");
    }

    private static boolean allBytes(byte[] data, int b) {
        for (byte x : data) {
            if ((x & 0xFF) != b) {
                return false;
            }
        }
        return true;
    }
}
