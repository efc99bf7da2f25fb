package org.openamr.mbus.app;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.UnsupportedException;
import org.openamr.mbus.record.RecordDecoder;
import org.openamr.mbus.record.RecordEncoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.DataTypes;

/** Decodes and encodes the application layer: CI field plus the data that follows it. */
public final class ApplicationCodec {

    /** Two idle fillers after the header: the marker of a correctly decrypted payload. */
    private static final int FILLER = 0x2F;

    private ApplicationCodec() {
    }

    /**
     * Decodes the data after CI field {@code ci}.
     *
     * @param base offset of {@code data[0]} in the caller's input, so errors point into it
     */
    public static ApplicationMessage decode(int ci, byte[] data, int base) throws DecodeException {
        switch (ci) {
            case CiField.RESPONSE_LONG_HEADER:
            case CiField.RESPONSE_LONG_HEADER_MSB: {
                need(data, LongHeader.LENGTH, "the 12-byte header of CI %02X".formatted(ci), base);
                LongHeader h = longHeader(data, 0);
                checkNotEncrypted(h.securityMode(), data, LongHeader.LENGTH, base);
                return new ApplicationMessage.VariableDataResponse(ci, h, RecordDecoder.decode(data, LongHeader.LENGTH,
                        data.length, ci == CiField.RESPONSE_LONG_HEADER_MSB, base));
            }
            case CiField.RESPONSE_SHORT_HEADER: {
                need(data, ShortHeader.LENGTH, "the 4-byte header of CI 7A", base);
                ShortHeader h = new ShortHeader(data[0] & 0xFF, new StatusByte(data[1] & 0xFF),
                        (int) DataTypes.unsignedInteger(data, 2, 2));
                checkNotEncrypted(h.securityMode(), data, ShortHeader.LENGTH, base);
                return new ApplicationMessage.VariableDataResponse(ci, h,
                        RecordDecoder.decode(data, ShortHeader.LENGTH, data.length, false, base));
            }
            case CiField.RESPONSE_NO_HEADER:
                return new ApplicationMessage.VariableDataResponse(ci, new NoHeader(),
                        RecordDecoder.decode(data, 0, data.length, false, base));
            case CiField.RESPONSE_FIXED:
            case CiField.RESPONSE_FIXED_MSB:
                need(data, FixedDataStructure.LENGTH, "the 16 bytes of the fixed data structure", base);
                return FixedDataStructure.decode(ci, data, base);
            case CiField.APPLICATION_ERROR:
                return new ApplicationMessage.ApplicationError(data.length == 0 ? -1 : data[0] & 0xFF);
            case CiField.ALARM:
                return new ApplicationMessage.Alarm(data);
            case CiField.APPLICATION_RESET:
                return new ApplicationMessage.ApplicationReset(data.length == 0 ? -1 : data[0] & 0xFF);
            case CiField.DATA_SEND:
                return new ApplicationMessage.DataSend(RecordDecoder.decode(data, 0, data.length, false, base));
            case CiField.SELECTION:
                need(data, 8, "the 8-byte secondary address", base);
                return new ApplicationMessage.Selection(SecondaryAddress.decode(data, 0));
            default:
                if (CiField.isBaudRateSwitch(ci)) {
                    return new ApplicationMessage.BaudRateSwitch(CiField.baudRateOf(ci));
                }
                throw new UnsupportedException("CI field %02X is not a wired M-Bus application layer".formatted(ci),
                        base - 1);
        }
    }

    /** The data bytes that follow the message's CI field. */
    public static byte[] encode(ApplicationMessage message) {
        if (message instanceof ApplicationMessage.VariableDataResponse r) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (r.header() instanceof LongHeader h) {
                out.writeBytes(new SecondaryAddress(h.id(), h.manufacturer(), h.version(), h.medium()).encode());
                out.write(h.accessNumber());
                out.write(h.status().value());
                out.write(h.signature());
                out.write(h.signature() >> 8);
            } else if (r.header() instanceof ShortHeader h) {
                out.write(h.accessNumber());
                out.write(h.status().value());
                out.write(h.signature());
                out.write(h.signature() >> 8);
            } else if (!(r.header() instanceof NoHeader)) {
                throw new IllegalArgumentException("encoding the legacy fixed data structure is not offered");
            }
            out.writeBytes(RecordEncoder.encode(r.data()));
            return out.toByteArray();
        }
        if (message instanceof ApplicationMessage.ApplicationError e) {
            return e.code() < 0 ? new byte[0] : new byte[] {(byte) e.code()};
        }
        if (message instanceof ApplicationMessage.Alarm a) {
            return a.status();
        }
        if (message instanceof ApplicationMessage.ApplicationReset r) {
            return r.subcode() < 0 ? new byte[0] : new byte[] {(byte) r.subcode()};
        }
        if (message instanceof ApplicationMessage.DataSend s) {
            return RecordEncoder.encode(s.data());
        }
        if (message instanceof ApplicationMessage.Selection s) {
            return s.mask().encode();
        }
        return new byte[0]; // baud rate switch: the CI says it all
    }

    /** The 12-byte long header at {@code d[off]}; the wireless transport layer reads it too. */
    public static LongHeader longHeader(byte[] d, int off) {
        return new LongHeader(identification(d, off), (int) DataTypes.unsignedInteger(d, off + 4, 2),
                d[off + 6] & 0xFF, d[off + 7] & 0xFF, d[off + 8] & 0xFF, new StatusByte(d[off + 9] & 0xFF),
                (int) DataTypes.unsignedInteger(d, off + 10, 2));
    }

    /** The 4-byte identification number as its 8 hex digits: BCD digits, or whatever a damaged field holds. */
    static String identification(byte[] d, int off) {
        return HexFormat.of().withUpperCase().formatHex(new byte[] {d[off + 3], d[off + 2], d[off + 1], d[off]});
    }

    /** Security modes of EN 13757-7 that encrypt the payload. */
    private static final java.util.Set<Integer> ENCRYPTING_MODES = java.util.Set.of(2, 3, 4, 5, 7, 8, 9, 10, 13);

    private static void checkNotEncrypted(int mode, byte[] data, int from, int base) throws UnsupportedException {
        // Many wired meters fill the signature field with other data (libmbus ignores it): only a
        // defined encrypting mode without the 2F2F marker of plain data means an encrypted payload.
        if (!ENCRYPTING_MODES.contains(mode)) {
            return;
        }
        boolean decrypted = data.length >= from + 2 && (data[from] & 0xFF) == FILLER && (data[from + 1] & 0xFF) == FILLER;
        if (!decrypted) {
            throw new UnsupportedException("payload is encrypted (security mode " + mode
                    + "); decode it with its key", base + from);
        }
    }

    private static void need(byte[] data, int n, String what, int base) throws TruncatedException {
        if (data.length < n) {
            throw new TruncatedException("data ends after " + data.length + " bytes, before the end of " + what,
                    base + data.length);
        }
    }
}
