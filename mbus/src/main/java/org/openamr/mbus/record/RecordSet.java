package org.openamr.mbus.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The variable data of a telegram: its records, the idle fillers (0x2F) between them, and what
 * ends it: nothing, manufacturer-specific data after DIF 0x0F, or DIF 0x1F ("more records follow",
 * also followed by manufacturer data). Fillers are kept because they are part of what a meter sends
 * (2F 2F after the header marks a decrypted payload) and so that encoding is the exact inverse.
 *
 * @param fillers idle filler bytes before each record, and as last element before the end
 *                (size = records + 1)
 */
public record RecordSet(List<DataRecord> records, List<Integer> fillers, Tail tail, byte[] manufacturerData) {

    /** What follows the last record. */
    public enum Tail {
        NONE, MANUFACTURER_DATA, MORE_RECORDS_FOLLOW
    }

    public RecordSet {
        records = List.copyOf(records);
        fillers = List.copyOf(fillers);
        if (fillers.size() != records.size() + 1) {
            throw new IllegalArgumentException("fillers needs one count per record and one for the end");
        }
        manufacturerData = manufacturerData.clone();
        if (tail == Tail.NONE && manufacturerData.length > 0) {
            throw new IllegalArgumentException("manufacturer data needs a 0x0F or 0x1F tail");
        }
    }

    /** Records without fillers; the tail follows from the flag and the data. */
    public RecordSet(List<DataRecord> records, byte[] manufacturerData, boolean moreRecordsFollow) {
        this(records, Collections.nCopies(records.size() + 1, 0), moreRecordsFollow ? Tail.MORE_RECORDS_FOLLOW
                : manufacturerData.length > 0 ? Tail.MANUFACTURER_DATA : Tail.NONE, manufacturerData);
    }

    /** The same records with {@code count} idle fillers before the first one, as encrypted meters send them. */
    public RecordSet withLeadingFillers(int count) {
        List<Integer> f = new ArrayList<>(fillers);
        f.set(0, count);
        return new RecordSet(records, f, tail, manufacturerData);
    }

    @Override
    public byte[] manufacturerData() {
        return manufacturerData.clone();
    }

    public boolean moreRecordsFollow() {
        return tail == Tail.MORE_RECORDS_FOLLOW;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSet r && r.records.equals(records) && r.fillers.equals(fillers) && r.tail == tail
                && Arrays.equals(r.manufacturerData, manufacturerData);
    }

    @Override
    public int hashCode() {
        return (records.hashCode() * 31 + tail.hashCode()) * 31 + Arrays.hashCode(manufacturerData);
    }

    @Override
    public String toString() {
        return "RecordSet[records=" + records + ", fillers=" + fillers + ", tail=" + tail + ", manufacturerData="
                + manufacturerData.length + " bytes]";
    }
}
