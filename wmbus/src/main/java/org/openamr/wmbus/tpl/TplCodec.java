package org.openamr.wmbus.tpl;

import java.util.Arrays;
import java.util.List;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.UnsupportedException;
import org.openamr.mbus.app.ApplicationCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.Header;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.NoHeader;
import org.openamr.mbus.app.ShortHeader;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.record.RecordDecoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.CrcException;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.MissingKeyException;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.UnknownFormatException;
import org.openamr.wmbus.afl.AuthenticationLayer;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.link.Crc16;
import org.openamr.wmbus.security.Configuration;
import org.openamr.wmbus.security.SecurityModes;

/**
 * The transport layer (EN 13757-7 §7) of a wireless telegram, from its CI field on:
 *
 * <pre>
 * 7A  ACC STS CFG0 CFG1 [CFGX]  records…                                     short header
 * 72  id0..id3 M0 M1 version type  ACC STS CFG0 CFG1 [CFGX]  records…         long header
 * 78  records…                                                               no header
 * 79  SIG0 SIG1 DCRC0 DCRC1  data…                                           compact frame, no header
 * 8A  ACC STS CFG0 CFG1  /  8B long header                                   header only, no application data
 * 70  code  (application error)    71  alarm bytes    A0–B7  manufacturer specific
 * </pre>
 *
 * CFGX, the configuration field extension, follows for security mode 7 only. The records are read
 * by the M-Bus {@link RecordDecoder}, the one decoder for wired and wireless telegrams, after the
 * security mode of the configuration field was undone ({@link SecurityModes}).
 */
public final class TplCodec {

    public static final int CI_LONG = 0x72;
    public static final int CI_NO_HEADER = 0x78;
    public static final int CI_COMPACT = 0x79;
    public static final int CI_SHORT = 0x7A;
    public static final int CI_SHORT_ONLY = 0x8A;
    public static final int CI_LONG_ONLY = 0x8B;
    public static final int CI_APPLICATION_ERROR = 0x70;
    public static final int CI_ALARM = 0x71;

    private TplCodec() {
    }

    /**
     * What the transport layer needs from the layers below it.
     *
     * @param linkAddress the link layer's sender, whose M and A fields ({@code linkField}) are the IV
     *                    of mode 5 behind a short header
     * @param afl         null when the telegram has no AFL
     * @param trailer     input bytes after the L-field's end: encrypted blocks that run past it are
     *                    taken from there (some receivers report a short L-field)
     * @param descrambled true when the payload was already made plain below (Diehl PRIOS), so the
     *                    configuration field's security mode is not an OMS one
     */
    public record Context(MeterAddress linkAddress, byte[] linkField, AuthenticationLayer afl, KeyStore keys,
                          FormatLookup formats, byte[] trailer, boolean descrambled, List<String> warnings) {
    }

    /** Decodes the transport layer whose CI field is at {@code f[pos]}. */
    public static TransportLayer decode(byte[] f, int pos, Context ctx) throws DecodeException {
        int ci = f[pos] & 0xFF;
        int p = pos + 1;
        switch (ci) {
            case CI_SHORT, CI_SHORT_ONLY: {
                need(f, p, 4, "the short header (ACC, STS, CFG) of CI %02X".formatted(ci));
                int word = u16(f, p + 2);
                need(f, p, 2 + Configuration.length(word), "the configuration field extension");
                Configuration cfg = new Configuration(word, Configuration.length(word) == 3 ? f[p + 4] & 0xFF : -1);
                Header h = new ShortHeader(f[p] & 0xFF, new StatusByte(f[p + 1] & 0xFF), word);
                int data = p + 2 + Configuration.length(word);
                if (ci == CI_SHORT_ONLY) {
                    return new TransportLayer(ci, h, null, cfg, new Payload.None(), null);
                }
                return secured(f, pos, data, ci, h, null, cfg, ctx.linkField(), idBytes(ctx.linkField()), ctx);
            }
            case CI_LONG, CI_LONG_ONLY: {
                need(f, p, 12, "the long header of CI %02X".formatted(ci));
                int word = u16(f, p + 10);
                need(f, p, 10 + Configuration.length(word), "the configuration field extension");
                Configuration cfg = new Configuration(word, Configuration.length(word) == 3 ? f[p + 12] & 0xFF : -1);
                LongHeader h = ApplicationCodec.longHeader(f, p);
                MeterAddress address = new MeterAddress(h.manufacturer(), h.id(), h.version(), h.medium());
                // The IV of mode 5 names the meter of the long header: M first, then id, version, type.
                byte[] field = {f[p + 4], f[p + 5], f[p], f[p + 1], f[p + 2], f[p + 3], f[p + 6], f[p + 7]};
                int data = p + 10 + Configuration.length(word);
                if (ci == CI_LONG_ONLY) {
                    return new TransportLayer(ci, h, address, cfg, new Payload.None(), null);
                }
                return secured(f, pos, data, ci, h, address, cfg, field, Arrays.copyOfRange(f, p, p + 4), ctx);
            }
            case CI_NO_HEADER:
                return new TransportLayer(ci, new NoHeader(), null, null, records(ci, new NoHeader(), f, p, f.length),
                        null);
            case CI_COMPACT:
                return new TransportLayer(ci, new NoHeader(), null, null, compact(f, p, ctx), null);
            case CI_APPLICATION_ERROR:
                return new TransportLayer(ci, new NoHeader(), null, null, new Payload.Message(
                        new ApplicationMessage.ApplicationError(p < f.length ? f[p] & 0xFF : -1)), null);
            case CI_ALARM:
                return new TransportLayer(ci, new NoHeader(), null, null, new Payload.Message(
                        new ApplicationMessage.Alarm(Arrays.copyOfRange(f, p, f.length))), null);
            default:
                if (ci >= 0xA0 && ci <= 0xB7) {
                    return new TransportLayer(ci, new NoHeader(), null, null,
                            new Payload.ManufacturerSpecific(ci, Arrays.copyOfRange(f, p, f.length)), null);
                }
                throw new UnsupportedException(("CI field %02X is not a transport layer this decoder reads "
                        + "(72, 78, 79, 7A, 8A, 8B, 70, 71, A0-B7)").formatted(ci), pos);
        }
    }

    private static TransportLayer secured(byte[] f, int tplStart, int data, int ci, Header h, MeterAddress address,
            Configuration cfg, byte[] ivField, byte[] kdfId, Context ctx) throws DecodeException {
        int mode = cfg.securityMode();
        if (ctx.descrambled() || mode == Configuration.MODE_NONE) {
            return new TransportLayer(ci, h, address, cfg, records(ci, h, f, data, f.length), null);
        }
        if (cfg.encryptedBlocks() == 0 && (mode == Configuration.MODE_AES_CBC_IV
                || mode == Configuration.MODE_AES_CBC_KDF)) {
            ctx.warnings().add("security mode " + mode + " with no encrypted blocks: the data are plain and, for "
                    + "mode 7, their MAC is not checked");
            return new TransportLayer(ci, h, address, cfg, records(ci, h, f, data, f.length), null);
        }
        if (mode != Configuration.MODE_AES_CBC_IV && mode != Configuration.MODE_AES_CBC_KDF) {
            throw new UnsupportedException("security mode " + mode + " is not implemented (modes 0, 5 and 7 are)",
                    data - (mode == Configuration.MODE_AES_CBC_KDF ? 2 : 1));
        }
        int encrypted = 16 * cfg.encryptedBlocks();
        byte[] buf = f;
        int end = f.length;
        if (data + encrypted > f.length) {
            int missing = data + encrypted - f.length;
            if (missing > ctx.trailer().length) {
                throw new TruncatedException("the configuration field announces %d encrypted bytes, %d follow the header"
                        .formatted(encrypted, f.length - data), f.length);
            }
            buf = Arrays.copyOf(f, data + encrypted);
            System.arraycopy(ctx.trailer(), 0, buf, f.length, missing);
            end = buf.length;
            ctx.warnings().add(("the encrypted blocks end %d byte(s) after the L-field's end; those bytes were taken "
                    + "from the input after it").formatted(missing));
        }
        if ((buf[data] & 0xFF) == 0x2F && (buf[data + 1] & 0xFF) == 0x2F) {
            ctx.warnings().add("the configuration field says security mode " + mode + ", but the payload is plain "
                    + "(a receiver decrypted it)");
            Decryption d = new Decryption(mode == 5 ? Decryption.Method.MODE_5_AES_CBC_IV
                    : Decryption.Method.MODE_7_AES_CBC_KDF, Decryption.KeySource.ALREADY_DECRYPTED, 0);
            return new TransportLayer(ci, h, address, cfg, records(ci, h, buf, data, end), d);
        }
        MeterAddress owner = address != null ? address : ctx.linkAddress();
        KeyStore.Candidates keys = ctx.keys().keysFor(address, ctx.linkAddress());
        if (keys.isEmpty()) {
            return new TransportLayer(ci, h, address, cfg, new Payload.Undecoded(new MissingKeyException(
                    "the payload is encrypted (security mode " + mode + ", " + encrypted + " bytes); no key for "
                            + owner, data), Arrays.copyOfRange(buf, data, end)), null);
        }
        byte[] plain = buf.clone();
        Decryption d;
        try {
            d = mode == Configuration.MODE_AES_CBC_IV
                    ? SecurityModes.mode5(plain, data, encrypted, ivField, h.accessNumber(), keys, owner)
                    : SecurityModes.mode7(plain, tplStart, data, encrypted, cfg, ctx.afl(), kdfId, keys, owner);
        } catch (MissingKeyException e) {
            return new TransportLayer(ci, h, address, cfg, new Payload.Undecoded(e, Arrays.copyOfRange(buf, data, end)),
                    null);
        }
        try {
            return new TransportLayer(ci, h, address, cfg, records(ci, h, plain, data, end), d);
        } catch (DecodeException e) {
            if (keys.explicit()) {
                throw e;
            }
            // A public default passed the 16-bit 2F2F check by chance (1 in 65,536) and decrypted
            // garbage: the meter's own key is what is missing, and no value may come from this.
            return new TransportLayer(ci, h, address, cfg, new Payload.Undecoded(new MissingKeyException(
                    "the payload is encrypted and no key for " + owner + " is known (a public default key passed the "
                            + "2F 2F check, but the records it gives do not decode: " + e.describe() + ")", data),
                    Arrays.copyOfRange(buf, data, end)), null);
        }
    }

    private static Payload compact(byte[] f, int p, Context ctx) throws DecodeException {
        need(f, p, 4, "the format signature and data CRC of the compact frame");
        int signature = u16(f, p);
        int crc = u16(f, p + 2);
        CompactFormat format = ctx.formats().find(ctx.linkAddress(), signature);
        if (format == null) {
            return new Payload.Undecoded(new UnknownFormatException(("compact frame with format signature %04X: no "
                    + "full frame of %s with that record layout was decoded yet").formatted(signature,
                    ctx.linkAddress()), p), Arrays.copyOfRange(f, p + 4, f.length));
        }
        byte[] full = format.expand(f, p + 4, f.length);
        if (full == null) {
            throw new MalformedDataException(("compact frame: %d data bytes do not fill the layout %04X learned from "
                    + "a full frame").formatted(f.length - p - 4, signature), p + 4);
        }
        if (Crc16.compute(full, 0, full.length) != crc) {
            throw new CrcException("compact frame: data CRC %04X does not match the records rebuilt with layout %04X"
                    .formatted(crc, signature), p + 2);
        }
        RecordSet set = RecordDecoder.decode(full, 0, full.length, false, p + 4);
        return new Payload.Message(new ApplicationMessage.VariableDataResponse(CI_COMPACT, new NoHeader(), set));
    }

    private static Payload records(int ci, Header h, byte[] b, int from, int end) throws DecodeException {
        return new Payload.Message(new ApplicationMessage.VariableDataResponse(ci, h,
                RecordDecoder.decode(b, from, end, false, 0)));
    }

    private static byte[] idBytes(byte[] linkField) {
        return Arrays.copyOfRange(linkField, 2, 6);
    }

    private static int u16(byte[] f, int p) {
        return (f[p] & 0xFF) | (f[p + 1] & 0xFF) << 8;
    }

    private static void need(byte[] f, int p, int n, String what) throws TruncatedException {
        if (f.length - p < n) {
            throw new TruncatedException("the telegram ends after " + (f.length - p) + " of the " + n + " bytes of "
                    + what, f.length);
        }
    }
}
