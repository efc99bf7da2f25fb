package org.openamr.mbus.record;

import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.value.Value;

/**
 * Decodes the variable data structure of EN 13757-3 (the records after the header of CI 0x72,
 * 0x7A, 0x78 …). Errors name the offset of the offending byte in the caller's input.
 */
public final class RecordDecoder {

    public static final int DIF_MANUFACTURER_DATA = 0x0F;
    public static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;
    public static final int DIF_IDLE_FILLER = 0x2F;
    public static final int DIF_GLOBAL_READOUT = 0x7F;
    public static final int MAX_VIF_EXTENSIONS = 10;

    private final byte[] in;
    private final int end;
    private final boolean msbFirst;
    private final int base;
    private int pos;

    private RecordDecoder(byte[] in, int from, int end, boolean msbFirst, int base) {
        this.in = in;
        this.pos = from;
        this.end = end;
        this.msbFirst = msbFirst;
        this.base = base;
    }

    /**
     * Decodes the records in {@code in[from..end)}.
     *
     * @param msbFirst true for CI 0x76 (data sent most significant byte first)
     */
    public static RecordSet decode(byte[] in, int from, int end, boolean msbFirst) throws DecodeException {
        return decode(in, from, end, msbFirst, 0);
    }

    /**
     * As {@link #decode(byte[], int, int, boolean)}, with offsets in records and errors counted from
     * {@code base} bytes before {@code in[0]}: the position of {@code in} inside a whole frame.
     */
    public static RecordSet decode(byte[] in, int from, int end, boolean msbFirst, int base) throws DecodeException {
        return new RecordDecoder(in, from, end, msbFirst, base).records();
    }

    private RecordSet records() throws DecodeException {
        List<DataRecord> records = new ArrayList<>();
        List<Integer> fillers = new ArrayList<>();
        int pendingFillers = 0;
        while (pos < end) {
            int start = pos;
            int dif = in[pos] & 0xFF;
            if (dif == DIF_IDLE_FILLER) {
                pos++;
                pendingFillers++;
                continue;
            }
            if (dif == DIF_MANUFACTURER_DATA || dif == DIF_MORE_RECORDS_FOLLOW) {
                byte[] rest = new byte[end - pos - 1];
                System.arraycopy(in, pos + 1, rest, 0, rest.length);
                fillers.add(pendingFillers);
                return new RecordSet(records, fillers, dif == DIF_MORE_RECORDS_FOLLOW
                        ? RecordSet.Tail.MORE_RECORDS_FOLLOW : RecordSet.Tail.MANUFACTURER_DATA, rest);
            }
            if (dif == DIF_GLOBAL_READOUT) {
                throw new MalformedDataException("DIF 7F (global readout request) is only valid in a request", base + pos);
            }
            if ((dif & 0x0F) == 0x0F) {
                throw new MalformedDataException("DIF %02X is a reserved special function".formatted(dif), base + pos);
            }
            records.add(record(start));
            fillers.add(pendingFillers);
            pendingFillers = 0;
        }
        fillers.add(pendingFillers);
        return new RecordSet(records, fillers, RecordSet.Tail.NONE, new byte[0]);
    }

    private DataRecord record(int start) throws DecodeException {
        DataInformation dib = dataInformation();
        ValueInformation vib = valueInformation();
        DataField field = dib.field();
        int lvar = -1;
        int dataStart = pos;
        int length = field.length();
        if (field == DataField.VARIABLE) {
            need(1, "the LVAR byte");
            lvar = in[pos] & 0xFF;
            length = ValueCodec.variableLength(lvar);
            if (length < 0) {
                throw new MalformedDataException("LVAR %02X is reserved".formatted(lvar), base + pos);
            }
            pos++;
        }
        need(length, "the " + length + " data bytes of the record at byte " + (base + start));
        byte[] data = new byte[length];
        if (msbFirst && field != DataField.VARIABLE) {
            for (int i = 0; i < length; i++) {
                data[i] = in[pos + length - 1 - i];
            }
        } else {
            System.arraycopy(in, pos, data, 0, length);
        }
        pos += length;
        Value value = ValueCodec.decode(field, dib.function(), vib.meaning(), data, lvar);
        byte[] raw = new byte[pos - dataStart];
        System.arraycopy(in, dataStart, raw, 0, raw.length);
        return new DataRecord(dib, vib, value, raw, base + start);
    }

    private DataInformation dataInformation() throws DecodeException {
        int dif = in[pos++] & 0xFF;
        long storage = (dif >> 6) & 1;
        int tariff = 0;
        int subunit = 0;
        int extensions = 0;
        boolean more = (dif & 0x80) != 0;
        while (more) {
            need(1, "the DIFE announced by the extension bit");
            if (extensions == DataInformation.MAX_EXTENSIONS) {
                throw new MalformedDataException("more than " + DataInformation.MAX_EXTENSIONS + " DIFEs", base + pos);
            }
            int dife = in[pos++] & 0xFF;
            storage |= (long) (dife & 0x0F) << (1 + 4 * extensions);
            tariff |= ((dife >> 4) & 0x03) << (2 * extensions);
            subunit |= ((dife >> 6) & 0x01) << extensions;
            extensions++;
            more = (dife & 0x80) != 0;
        }
        return new DataInformation(DataField.of(dif), Function.of(dif), storage, tariff, subunit, extensions);
    }

    private ValueInformation valueInformation() throws DecodeException {
        need(1, "the VIF");
        List<Integer> codes = new ArrayList<>(4);
        int vif = in[pos++] & 0xFF;
        codes.add(vif);
        String text = null;
        if ((vif & 0x7F) == VifTable.VIF_PLAIN_TEXT) {
            need(1, "the length of the plain-text unit");
            int len = in[pos++] & 0xFF;
            need(len, "the " + len + " characters of the plain-text unit");
            StringBuilder sb = new StringBuilder(len);
            for (int i = pos + len - 1; i >= pos; i--) {
                sb.append((char) (in[i] & 0xFF));
            }
            pos += len;
            text = sb.toString();
        }
        boolean more = (vif & 0x80) != 0;
        while (more) {
            need(1, "the VIFE announced by the extension bit");
            if (codes.size() > MAX_VIF_EXTENSIONS) {
                throw new MalformedDataException("more than " + MAX_VIF_EXTENSIONS + " VIFEs", base + pos);
            }
            int vife = in[pos++] & 0xFF;
            codes.add(vife);
            more = (vife & 0x80) != 0;
        }
        return new ValueInformation(codes, text, VifTable.meaning(codes, text));
    }

    private void need(int count, String what) throws TruncatedException {
        if (end - pos < count) {
            throw new TruncatedException("data ends at byte " + (base + end) + " before " + what, base + end);
        }
    }
}
