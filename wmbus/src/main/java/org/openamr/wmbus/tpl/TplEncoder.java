package org.openamr.wmbus.tpl;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.record.RecordEncoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.security.Configuration;

/**
 * Writes the transport layer with a short header, the inverse of {@link TplCodec} for CI 0x7A:
 *
 * <pre>
 * 7A  ACC STS CFG0 CFG1 [CFGX]  payload
 * payload of an encrypting mode, before encryption:  2F 2F  records…  2F … up to a whole 16-byte block
 * </pre>
 *
 * The records are written by the M-Bus {@link RecordEncoder}, the one encoder for wired and
 * wireless records.
 */
public final class TplEncoder {

    /** The idle filler that marks a decrypted payload and pads it to whole blocks. */
    private static final int FILLER = 0x2F;
    private static final int CHECK_BYTES = 2;
    private static final int BLOCK = 16;

    private TplEncoder() {
    }

    /** {@code 7A ACC STS CFG0 CFG1 [CFGX]}. */
    public static byte[] shortHeader(int accessNumber, StatusByte status, Configuration configuration) {
        if (accessNumber < 0 || accessNumber > 0xFF) {
            throw new IllegalArgumentException("the access number is a byte, got " + accessNumber);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(TplCodec.CI_SHORT);
        out.write(accessNumber);
        out.write(status.value());
        out.writeBytes(configuration.encode());
        return out.toByteArray();
    }

    /**
     * The records as an encrypting mode sends them: two fillers (2F 2F, the check after decryption)
     * first and as many after the last record as fill the last block; a decoder gives back exactly
     * this record set.
     *
     * @throws IllegalArgumentException when the records end in manufacturer data (0x0F or 0x1F) that
     *                                  does not end on a block boundary: padding would become part of it
     */
    public static RecordSet padded(RecordSet records) {
        List<Integer> fillers = new ArrayList<>(records.fillers());
        int last = fillers.size() - 1;
        fillers.set(last, 0);
        fillers.set(0, CHECK_BYTES); // before the first record, or all there is without records
        RecordSet bare = new RecordSet(records.records(), fillers, records.tail(), records.manufacturerData());
        int pad = (BLOCK - RecordEncoder.encode(bare).length % BLOCK) % BLOCK;
        if (pad == 0) {
            return bare;
        }
        if (bare.tail() != RecordSet.Tail.NONE) {
            throw new IllegalArgumentException("records ending in manufacturer data (DIF 0F/1F) must fill whole "
                    + "16-byte blocks to be encrypted; " + pad + " byte(s) are missing");
        }
        fillers.set(last, fillers.get(last) + pad);
        return new RecordSet(bare.records(), fillers, bare.tail(), bare.manufacturerData());
    }

    /** The plain bytes of {@link #padded}: what the security mode encrypts. */
    public static byte[] encryptable(RecordSet records) {
        return RecordEncoder.encode(padded(records));
    }
}
