package org.openamr.mbus.app;

import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.record.DataField;
import org.openamr.mbus.record.DataInformation;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.record.ValueCodec;
import org.openamr.mbus.record.ValueInformation;
import org.openamr.mbus.record.VifTable;
import org.openamr.mbus.value.Value;

/**
 * The legacy fixed data structure (CI 0x73, 0x77), 16 bytes:
 *
 * <pre>id0..id3 (BCD)  access  status  unit1|medium  unit2|medium  counter1 (4)  counter2 (4)</pre>
 *
 * Status bit 7 clear = counters in BCD, set = binary; bit 6 set = counter 1 is a stored value. The
 * medium is split over the top two bits of the unit bytes. Each counter becomes a {@link DataRecord}
 * with the variable-format VIF of the same unit, so that the layers above see one kind of record.
 */
final class FixedDataStructure {

    static final int LENGTH = 16;

    /** Fixed unit code → VIF bytes of the same unit and scale (0x7D multiplies by 1000). */
    private static final int[][] UNIT_VIFS = {
        null, null,                                                   // 00 h,m,s  01 D,M,Y
        {0x03}, {0x04}, {0x05}, {0x06}, {0x07}, {0xFB, 0x00}, {0xFB, 0x01}, {0x87, 0x7D}, {0xFB, 0x80, 0x7D},
        {0x0B}, {0x0C}, {0x0D}, {0x0E}, {0x0F}, {0xFB, 0x08}, {0xFB, 0x09}, {0x8F, 0x7D}, {0xFB, 0x88, 0x7D},
        {0x2B}, {0x2C}, {0x2D}, {0x2E}, {0x2F}, {0xFB, 0x28}, {0xFB, 0x29}, {0xAF, 0x7D}, {0xFB, 0xA8, 0x7D},
        {0x33}, {0x34}, {0x35}, {0x36}, {0x37}, {0xFB, 0x38}, {0xFB, 0x39}, {0xB7, 0x7D}, {0xFB, 0xB8, 0x7D},
        {0x10}, {0x11}, {0x12}, {0x13}, {0x14}, {0x15}, {0x16}, {0x17}, {0xFB, 0x10},
        {0x38}, {0x39}, {0x3A}, {0x3B}, {0x3C}, {0x3D}, {0x3E}, {0x3F}, {0xBF, 0x77},
        {0x64}, {0x6E}, null, null, null, null, null, {0xFD, 0x3A},
    };
    private static final int SAME_UNIT_HISTORIC = 0x3E;

    private FixedDataStructure() {
    }

    static ApplicationMessage.VariableDataResponse decode(int ci, byte[] d, int base) {
        boolean msbFirst = ci == CiField.RESPONSE_FIXED_MSB;
        byte[] b = d;
        String id = ApplicationCodec.identification(b, 0);
        int access = b[4] & 0xFF;
        StatusByte status = new StatusByte(b[5] & 0xFF);
        int u1 = b[6] & 0xFF;
        int u2 = b[7] & 0xFF;
        int medium = (u1 >> 6) | ((u2 >> 6) << 2);
        boolean binary = (status.value() & 0x80) != 0;
        boolean firstStored = (status.value() & 0x40) != 0;
        List<DataRecord> records = new ArrayList<>(2);
        int unit1 = u1 & 0x3F;
        int unit2 = u2 & 0x3F;
        records.add(counter(b, 8, unit1, firstStored ? 1 : 0, binary, msbFirst, base));
        boolean historic = unit2 == SAME_UNIT_HISTORIC;
        records.add(counter(b, 12, historic ? unit1 : unit2, historic ? 1 : 0, binary, msbFirst, base));
        return new ApplicationMessage.VariableDataResponse(ci, new FixedHeader(id, access, status, medium),
                new RecordSet(records, new byte[0], false));
    }

    private static DataRecord counter(byte[] b, int off, int unit, int storage, boolean binary, boolean msbFirst,
            int base) {
        byte[] data = new byte[4];
        for (int i = 0; i < 4; i++) {
            data[i] = msbFirst ? b[off + 3 - i] : b[off + i];
        }
        int[] vif = UNIT_VIFS[unit];
        List<Integer> codes = new ArrayList<>();
        if (vif == null) {
            codes.add(VifTable.VIF_MANUFACTURER); // no standard unit: keep the number, say so
        } else {
            for (int i = 0; i < vif.length; i++) {
                codes.add(i < vif.length - 1 ? vif[i] | 0x80 : vif[i]);
            }
        }
        DataField field = binary ? DataField.INT32 : DataField.BCD8;
        DataInformation dib = DataInformation.of(field, Function.INSTANTANEOUS, storage, 0, 0);
        ValueInformation vib = new ValueInformation(codes, null, VifTable.meaning(codes, null));
        Value value = ValueCodec.decode(field, Function.INSTANTANEOUS, vib.meaning(), data, -1);
        return new DataRecord(dib, vib, value, data, base + off);
    }
}
