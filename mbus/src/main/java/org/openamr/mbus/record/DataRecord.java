package org.openamr.mbus.record;

import java.util.Arrays;
import java.util.HexFormat;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.value.Value;

/**
 * One variable data record: DIB, VIB and the value read from its data bytes.
 *
 * @param data   the data bytes as received (with the LVAR byte for variable length), kept so that a
 *               technician can see what the value was read from
 * @param offset where the record's DIF stands in the decoded input (-1 for a built record); not
 *               part of equality, which compares content
 */
public record DataRecord(DataInformation dataInformation, ValueInformation valueInformation, Value value,
                         byte[] data, int offset) {

    public DataRecord {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public Quantity quantity() {
        return valueInformation.meaning().quantity();
    }

    public Unit unit() {
        return valueInformation.meaning().unit();
    }

    public long storageNumber() {
        return dataInformation.storageNumber();
    }

    public int tariff() {
        return dataInformation.tariff();
    }

    public int subunit() {
        return dataInformation.subunit();
    }

    public Function function() {
        return dataInformation.function();
    }

    /** The record's bytes on the wire: DIB, VIB, data. */
    public byte[] encode() {
        byte[] dib = dataInformation.encode();
        byte[] vib = valueInformation.encode();
        byte[] out = new byte[dib.length + vib.length + data.length];
        System.arraycopy(dib, 0, out, 0, dib.length);
        System.arraycopy(vib, 0, out, dib.length, vib.length);
        System.arraycopy(data, 0, out, dib.length + vib.length, data.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRecord r && r.dataInformation.equals(dataInformation)
                && r.valueInformation.equals(valueInformation) && r.value.equals(value)
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return (dataInformation.hashCode() * 31 + valueInformation.hashCode()) * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return "DataRecord[" + dataInformation + ", " + valueInformation + ", " + value + ", data="
                + HexFormat.of().withUpperCase().formatHex(data) + ", offset=" + offset + "]";
    }
}
