package org.openamr.mbus.record;

import java.util.List;

/**
 * The variable data of a telegram: its records, the manufacturer-specific data after a 0x0F or
 * 0x1F DIF, and whether the slave has more records to send (0x1F).
 */
public record RecordSet(List<DataRecord> records, byte[] manufacturerData, boolean moreRecordsFollow) {

    public RecordSet {
        records = List.copyOf(records);
        manufacturerData = manufacturerData.clone();
    }

    @Override
    public byte[] manufacturerData() {
        return manufacturerData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSet r && r.records.equals(records)
                && java.util.Arrays.equals(r.manufacturerData, manufacturerData)
                && r.moreRecordsFollow == moreRecordsFollow;
    }

    @Override
    public int hashCode() {
        return records.hashCode() * 31 + java.util.Arrays.hashCode(manufacturerData);
    }
}
