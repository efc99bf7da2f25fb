package org.openamr.wmbus.tpl;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.record.DataField;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.record.ValueCodec;
import org.openamr.wmbus.link.Crc16;

/**
 * The record layout of a full frame, which compact frames (CI 0x79) leave out: the DIB and VIB of
 * each record in order. Its signature is {@link Crc16} over those bytes, concatenated; a compact
 * frame names the layout by that signature and sends only the data bytes:
 *
 * <pre>79  SIG0 SIG1  DCRC0 DCRC1  data of record 1, data of record 2, …</pre>
 *
 * DCRC is {@link Crc16} over the full records (DIB, VIB and data) that the compact frame stands
 * for, both little-endian.
 */
public record CompactFormat(int signature, List<byte[]> headers, List<DataField> fields) {

    public CompactFormat {
        headers = headers.stream().map(byte[]::clone).toList();
        fields = List.copyOf(fields);
    }

    /** The layout of a decoded record set, or null when it has nothing a compact frame could stand for. */
    public static CompactFormat of(RecordSet set) {
        if (set.records().isEmpty() || set.manufacturerData().length > 0) {
            return null;
        }
        List<byte[]> headers = new ArrayList<>();
        List<DataField> fields = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (DataRecord r : set.records()) {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            h.writeBytes(r.dataInformation().encode());
            h.writeBytes(r.valueInformation().encode());
            byte[] bytes = h.toByteArray();
            headers.add(bytes);
            fields.add(r.dataInformation().field());
            all.writeBytes(bytes);
        }
        byte[] a = all.toByteArray();
        return new CompactFormat(Crc16.compute(a, 0, a.length), headers, fields);
    }

    /**
     * The full records for the data bytes {@code in[from..end)} of a compact frame, or null when the
     * data do not fill the layout exactly.
     */
    public byte[] expand(byte[] in, int from, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = from;
        for (int i = 0; i < headers.size(); i++) {
            out.writeBytes(headers.get(i));
            int n = fields.get(i).length();
            if (fields.get(i) == DataField.VARIABLE) {
                if (p >= end) {
                    return null;
                }
                int len = ValueCodec.variableLength(in[p] & 0xFF);
                if (len < 0) {
                    return null;
                }
                n = len + 1;
            }
            if (p + n > end) {
                return null;
            }
            out.write(in, p, n);
            p += n;
        }
        return p == end ? out.toByteArray() : null;
    }
}
