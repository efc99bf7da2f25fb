package org.openamr.mbus.record;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.openamr.mbus.value.Value;

/** Builds records and variable data structures: the inverse of {@link RecordDecoder}. */
public final class RecordEncoder {

    private RecordEncoder() {
    }

    /**
     * A record for {@code value}, coded in the data field of {@code dib} with the VIF bytes
     * {@code vifCodes} (and the unit text of a plain-text VIF).
     *
     * @throws IllegalArgumentException when the value cannot be coded exactly
     */
    public static DataRecord record(DataInformation dib, List<Integer> vifCodes, String plainTextUnit, Value value) {
        ValueInformation vib = new ValueInformation(vifCodes, plainTextUnit, VifTable.meaning(vifCodes, plainTextUnit));
        byte[] data = ValueCodec.encode(dib.field(), vib.meaning(), value);
        return new DataRecord(dib, vib, value, data, -1);
    }

    /** Records one after the other, then the manufacturer data behind 0x0F, or 0x1F when more follow. */
    public static byte[] encode(List<DataRecord> records, byte[] manufacturerData, boolean moreRecordsFollow) {
        return encode(new RecordSet(records, manufacturerData, moreRecordsFollow));
    }

    /** The wire form of a record set: fillers, records, tail and manufacturer data in order. */
    public static byte[] encode(RecordSet set) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < set.records().size(); i++) {
            fillers(out, set.fillers().get(i));
            out.writeBytes(set.records().get(i).encode());
        }
        fillers(out, set.fillers().get(set.records().size()));
        if (set.tail() == RecordSet.Tail.MORE_RECORDS_FOLLOW) {
            out.write(RecordDecoder.DIF_MORE_RECORDS_FOLLOW);
        } else if (set.tail() == RecordSet.Tail.MANUFACTURER_DATA) {
            out.write(RecordDecoder.DIF_MANUFACTURER_DATA);
        }
        out.writeBytes(set.manufacturerData());
        return out.toByteArray();
    }

    private static void fillers(ByteArrayOutputStream out, int count) {
        for (int i = 0; i < count; i++) {
            out.write(RecordDecoder.DIF_IDLE_FILLER);
        }
    }
}
