package org.openamr.wmbus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openamr.mbus.ChecksumException;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.FramingException;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.UnsupportedException;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.afl.AflCodec;
import org.openamr.wmbus.afl.AuthenticationLayer;
import org.openamr.wmbus.ell.EllCodec;
import org.openamr.wmbus.ell.ExtendedLinkLayer;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.link.DataLinkHeader;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.link.LinkFrame;
import org.openamr.wmbus.link.LinkLayerCodec;
import org.openamr.wmbus.mfct.Apator162;
import org.openamr.wmbus.prios.DiehlRealData;
import org.openamr.wmbus.prios.Prios;
import org.openamr.wmbus.tpl.FormatLookup;
import org.openamr.wmbus.tpl.TplCodec;
import org.openamr.wmbus.tpl.TransportLayer;

/**
 * The wireless decoder as a pure function: input bytes (from the L-field, with or without block
 * CRCs), the keys, and the compact-frame layouts known so far, to a {@link WirelessTelegram} or a
 * {@link DecodeException} whose kind and input offset say what failed where. The layers, each in
 * its package:
 *
 * <pre>
 * link  L C M A [CRCs]     frame format A, B or without CRCs; Diehl real-data frames (prios) put right
 * ell   CI 8C–8F           extended link layer, AES-CTR session encryption
 * afl   CI 90              authentication and fragmentation layer (MAC, message counter)
 * tpl   CI 72 7A 78 79 …   transport layer, security modes 5 and 7, then the M-Bus record decoder
 * </pre>
 *
 * A telegram that is sound but cannot be read completely (encrypted without a key, a compact
 * frame of an unknown layout) is still returned, with the headers it has and a
 * {@link Payload.Undecoded} saying why.
 */
public final class WirelessCodec {

    private WirelessCodec() {
    }

    public static WirelessTelegram decode(byte[] input, KeyStore keys, FormatLookup formats) throws DecodeException {
        LinkFrame lf = LinkLayerCodec.decode(input);
        try {
            WirelessTelegram t = decode(lf, keys, formats);
            return lf.format() == FrameFormat.NO_CRC ? t : withInputOffsets(t, lf);
        } catch (DecodeException e) {
            throw lf.format() == FrameFormat.NO_CRC || e.offset() < 0 ? e : moved(e, lf.inputOffset(e.offset()));
        }
    }

    /** The telegram with its records' offsets counted in the input, CRC bytes included, as errors are. */
    private static WirelessTelegram withInputOffsets(WirelessTelegram t, LinkFrame lf) {
        if (!(t.message() instanceof ApplicationMessage.VariableDataResponse r) || r.ci() == TplCodec.CI_COMPACT) {
            return t;
        }
        List<DataRecord> records = new ArrayList<>();
        for (DataRecord d : r.data().records()) {
            records.add(new DataRecord(d.dataInformation(), d.valueInformation(), d.value(), d.data(),
                    d.offset() < 0 ? d.offset() : lf.inputOffset(d.offset())));
        }
        RecordSet set = new RecordSet(records, r.data().fillers(), r.data().tail(), r.data().manufacturerData());
        Payload p = new Payload.Message(new ApplicationMessage.VariableDataResponse(r.ci(), r.header(), set));
        TransportLayer tpl = t.transport();
        TransportLayer moved = tpl == null ? null : new TransportLayer(tpl.ci(), tpl.header(), tpl.address(),
                tpl.configuration(), p, tpl.decryption());
        return new WirelessTelegram(t.format(), t.link(), t.ell(), t.afl(), moved, p, t.decryptions(), t.warnings());
    }

    private static WirelessTelegram decode(LinkFrame lf, KeyStore keys, FormatLookup formats) throws DecodeException {
        byte[] f = lf.frame();
        List<String> warnings = new ArrayList<>();
        if (lf.trailer().length > 0) {
            warnings.add(lf.trailer().length + " byte(s) after the frame's end (L-field " + (f[0] & 0xFF)
                    + ") ignored");
        }
        List<Decryption> decryptions = new ArrayList<>();
        DiehlRealData.Kind diehl = DiehlRealData.kind(f);
        if (diehl != DiehlRealData.Kind.NONE) {
            warnings.add("Diehl real-data frame: address bytes reordered to id, version, type");
            f = DiehlRealData.standardAddressOrder(f);
        }
        DataLinkHeader dll = DataLinkHeader.decode(f);
        MeterAddress sender = new MeterAddress(dll.manufacturer(), dll.id(), dll.version(), dll.deviceType());
        if (diehl == DiehlRealData.Kind.SCRAMBLED) {
            return prios(lf, f, dll, sender, keys, formats, warnings);
        }
        int pos = LinkFrame.BLOCK1;
        ExtendedLinkLayer ell = null;
        if (ExtendedLinkLayer.isEll(f[pos] & 0xFF)) {
            EllCodec.Result r = EllCodec.decode(f, pos, dll.rawField(), sender, keys);
            ell = r.ell();
            if (r.decryption() != null) {
                decryptions.add(r.decryption());
            }
            if (r.missingKey() != null) {
                return new WirelessTelegram(lf.format(), dll, ell, null, null, new Payload.Undecoded(r.missingKey(),
                        Arrays.copyOfRange(f, r.next(), f.length)), decryptions, warnings);
            }
            pos = r.next();
            if (pos >= f.length) {
                return new WirelessTelegram(lf.format(), dll, ell, null, null, new Payload.None(), decryptions,
                        warnings);
            }
        }
        AuthenticationLayer afl = null;
        if ((f[pos] & 0xFF) == AuthenticationLayer.CI) {
            AflCodec.Result r = AflCodec.decode(f, pos);
            afl = r.afl();
            pos = r.next();
            if (pos >= f.length) {
                throw new TruncatedException("the telegram ends after the AFL, before the transport layer's CI field",
                        f.length);
            }
        }
        TransportLayer tpl = TplCodec.decode(f, pos, new TplCodec.Context(sender, dll.rawField(), afl, keys, formats,
                lf.trailer(), false, warnings));
        if (tpl.decryption() != null) {
            decryptions.add(tpl.decryption());
        }
        tpl = manufacturerRegisters(tpl, sender, f.length, warnings);
        return new WirelessTelegram(lf.format(), dll, ell, afl, tpl, tpl.payload(), decryptions, warnings);
    }

    /** Readings that a known device sends inside its manufacturer data, added as records. */
    private static TransportLayer manufacturerRegisters(TransportLayer tpl, MeterAddress sender, int frameLength,
            List<String> warnings) {
        MeterAddress meter = tpl.address() != null ? tpl.address() : sender;
        if (!Apator162.applies(meter) || !(tpl.payload() instanceof Payload.Message m)
                || !(m.message() instanceof ApplicationMessage.VariableDataResponse r)) {
            return tpl;
        }
        RecordSet set = Apator162.withRegisters(r.data(), frameLength - r.data().manufacturerData().length, warnings);
        if (set == r.data()) {
            return tpl;
        }
        Payload p = new Payload.Message(new ApplicationMessage.VariableDataResponse(r.ci(), r.header(), set));
        return new TransportLayer(tpl.ci(), tpl.header(), tpl.address(), tpl.configuration(), p, tpl.decryption());
    }

    /**
     * A scrambled Diehl frame: de-scramble with the key given for the meter (its first 8 bytes),
     * else with Diehl's public defaults; a key is accepted when the PRIOS checksum and the records
     * both come out right.
     */
    private static WirelessTelegram prios(LinkFrame lf, byte[] reordered, DataLinkHeader dll, MeterAddress sender,
            KeyStore keys, FormatLookup formats, List<String> warnings) throws DecodeException {
        byte[] original = lf.frame();
        KeyStore.Candidates given = keys.keysFor(sender);
        List<Long> candidates = new ArrayList<>();
        if (given.explicit()) {
            given.keys().forEach(k -> candidates.add(Prios.fold(k.bytes())));
        } else {
            candidates.addAll(Prios.DEFAULT_KEYS);
        }
        DecodeException recordsFailed = null;
        for (long key : candidates) {
            byte[] plain = Prios.descramble(original, key);
            if (plain == null) {
                continue;
            }
            byte[] f = reordered.clone();
            System.arraycopy(plain, 0, f, f.length - plain.length, plain.length);
            try {
                TransportLayer tpl = TplCodec.decode(f, LinkFrame.BLOCK1, new TplCodec.Context(sender, dll.rawField(),
                        null, keys, formats, lf.trailer(), true, warnings));
                Decryption d = new Decryption(Decryption.Method.DIEHL_PRIOS, given.explicit()
                        ? Decryption.KeySource.METER : Decryption.KeySource.DEFAULT, plain.length);
                return new WirelessTelegram(lf.format(), dll, null, null, tpl, tpl.payload(), List.of(d), warnings);
            } catch (DecodeException e) {
                recordsFailed = e;
            }
        }
        // The checksum has 7 bits: a default key that passes it but yields no records is more likely not
        // the meter's key than a damaged frame, so without a key of its own the frame counts as one
        // whose key is missing.
        if (recordsFailed != null && given.explicit()) {
            throw recordsFailed;
        }
        String check = "PRIOS: the checksum (CFG1) does not match the de-scrambled payload";
        if (given.explicit()) {
            throw new WrongKeyException(check + " with the key given for " + sender, 14);
        }
        DecodeException missing = new MissingKeyException("a Diehl real-data frame scrambled with a key other than "
                + "Diehl's public defaults (" + (recordsFailed == null ? check.substring(7)
                : "the payload de-scrambled with a default key is no valid record set: " + recordsFailed.describe())
                + "); give the key of " + sender + ", or the telegram is damaged", 15);
        TransportLayer header = TplCodec.decode(Arrays.copyOf(reordered, 15), LinkFrame.BLOCK1,
                new TplCodec.Context(sender, dll.rawField(), null, keys, formats, new byte[0], true, warnings));
        TransportLayer tpl = new TransportLayer(header.ci(), header.header(), null, header.configuration(),
                new Payload.Undecoded(missing, Arrays.copyOfRange(reordered, 15, reordered.length)), null);
        return new WirelessTelegram(lf.format(), dll, null, null, tpl, tpl.payload(), List.of(), warnings);
    }

    /** The same failure at another offset: where a byte of the frame without CRCs stood in the input. */
    static DecodeException moved(DecodeException e, int offset) {
        String m = e.getMessage();
        DecodeException r;
        if (e instanceof TruncatedException) {
            r = new TruncatedException(m, offset);
        } else if (e instanceof MalformedDataException) {
            r = new MalformedDataException(m, offset);
        } else if (e instanceof UnsupportedException) {
            r = new UnsupportedException(m, offset);
        } else if (e instanceof FramingException) {
            r = new FramingException(m, offset);
        } else if (e instanceof ChecksumException) {
            r = new ChecksumException(m, offset);
        } else if (e instanceof CrcException) {
            r = new CrcException(m, offset);
        } else if (e instanceof WrongKeyException) {
            r = new WrongKeyException(m, offset);
        } else if (e instanceof MissingKeyException) {
            r = new MissingKeyException(m, offset);
        } else if (e instanceof MacException) {
            r = new MacException(m, offset);
        } else if (e instanceof UnknownFormatException) {
            r = new UnknownFormatException(m, offset);
        } else {
            return e;
        }
        r.initCause(e);
        return r;
    }
}
