package org.openamr.mbus.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.PropertyRuns;
import org.openamr.mbus.value.Value;

/** Whatever the decoder reads, the encoder writes back so that it reads the same. */
class RecordRoundTripTest {

    /** VIBs of the kinds meters send: scaled numbers, extension tables, modifiers, dates, identifiers, bits. */
    private static final List<List<Integer>> VIBS = List.of(
            List.of(0x06), List.of(0x03), List.of(0x0E), List.of(0x13), List.of(0x16), List.of(0x2B),
            List.of(0x3B), List.of(0x43), List.of(0x4D), List.of(0x5A), List.of(0x5E), List.of(0x62),
            List.of(0x26), List.of(0x74), List.of(0x86, 0x3B), List.of(0x86, 0x3C), List.of(0x93, 0x75),
            List.of(0x93, 0x7D), List.of(0xFB, 0x0D), List.of(0xFB, 0x01), List.of(0xFB, 0x09),
            List.of(0xFB, 0x8D, 0x3B), List.of(0xFD, 0x17), List.of(0xFD, 0x71), List.of(0xFD, 0x48),
            List.of(0xFD, 0x0C), List.of(0x78), List.of(0x6C), List.of(0x6D), List.of(0xA6, 0x18),
            List.of(0xBE, 0x50), List.of(0x7F), List.of(0xFD, 0x3B));

    private static final DataField[] FIELDS = {DataField.INT8, DataField.INT16, DataField.INT24, DataField.INT32,
            DataField.INT48, DataField.INT64, DataField.REAL32, DataField.BCD2, DataField.BCD4, DataField.BCD6,
            DataField.BCD8, DataField.BCD12, DataField.VARIABLE, DataField.NONE};

    @Test
    void decodedValuesEncodeBackToTheSameValue() {
        int[] encoded = new int[1];
        PropertyRuns.check("record round trip", r -> {
            DataInformation dib = randomDib(r);
            List<Integer> vib = VIBS.get(r.nextInt(VIBS.size()));
            VifMeaning meaning = VifTable.meaning(vib, null);
            byte[] data = randomData(r, dib.field());
            int lvar = dib.field() == DataField.VARIABLE ? data[0] & 0xFF : -1;
            byte[] payload = dib.field() == DataField.VARIABLE ? java.util.Arrays.copyOfRange(data, 1, data.length) : data;
            Value value = ValueCodec.decode(dib.field(), dib.function(), meaning, payload, lvar);
            if (value instanceof Value.Unavailable) {
                return; // nothing to encode: the meter said there is no value
            }
            DataRecord built;
            try {
                built = RecordEncoder.record(dib, vib, null, value);
            } catch (IllegalArgumentException e) {
                // Only a float cannot always be written back into another width; anything else must.
                assertThat(dib.field()).as(e.getMessage()).isIn(DataField.REAL32, DataField.VARIABLE);
                return;
            }
            byte[] bytes = built.encode();
            DataRecord decoded = decodeOne(bytes);
            assertThat(decoded.dataInformation()).isEqualTo(dib);
            assertThat(decoded.valueInformation().codes()).isEqualTo(vib);
            assertThat(decoded.value()).isEqualTo(value);
            encoded[0]++;
        });
        // The property must not pass vacuously.
        assertThat(encoded[0]).isGreaterThan(PropertyRuns.tries() / 3);
    }

    @Test
    void dibEncodingIsTheInverseOfDecoding() {
        PropertyRuns.check("DIB round trip", r -> {
            DataInformation dib = randomDib(r);
            int dataLength = dib.field() == DataField.VARIABLE ? 1 : dib.field().length(); // LVAR 00: empty text
            byte[] bytes = new byte[dib.encodedLength() + 1 + dataLength];
            System.arraycopy(dib.encode(), 0, bytes, 0, dib.encodedLength());
            bytes[dib.encodedLength()] = 0x13;
            assertThat(decodeOne(bytes).dataInformation()).isEqualTo(dib);
        });
    }

    private static DataInformation randomDib(Random r) {
        DataField field = FIELDS[r.nextInt(FIELDS.length)];
        Function function = Function.values()[r.nextInt(3)];
        long storage = r.nextBoolean() ? r.nextInt(2) : (long) r.nextInt(1 << 20);
        int tariff = r.nextBoolean() ? 0 : r.nextInt(64);
        int subunit = r.nextBoolean() ? 0 : r.nextInt(16);
        int min = DataInformation.minimumExtensions(storage, tariff, subunit);
        return new DataInformation(field, function, storage, tariff, subunit, min + (r.nextInt(4) == 0 ? 1 : 0));
    }

    private static byte[] randomData(Random r, DataField field) {
        if (field == DataField.VARIABLE) {
            int kind = r.nextInt(3);
            int n = 1 + r.nextInt(8);
            byte[] b = new byte[n + 1];
            r.nextBytes(b);
            if (kind == 0) { // text
                b[0] = (byte) n;
                for (int i = 1; i <= n; i++) {
                    b[i] = (byte) (0x20 + r.nextInt(0x5F));
                }
            } else if (kind == 1) { // BCD
                b[0] = (byte) ((r.nextBoolean() ? 0xC0 : 0xD0) + n);
                for (int i = 1; i <= n; i++) {
                    b[i] = (byte) (r.nextInt(10) << 4 | r.nextInt(10));
                }
            } else { // binary
                b[0] = (byte) (0xE0 + n);
            }
            return b;
        }
        byte[] b = new byte[field.length()];
        r.nextBytes(b);
        if (field.isBcd() && r.nextInt(4) != 0) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextInt(10) << 4 | r.nextInt(10));
            }
            if (r.nextInt(5) == 0) {
                b[b.length - 1] = (byte) (0xF0 | r.nextInt(10));
            }
        }
        return b;
    }

    private static DataRecord decodeOne(byte[] bytes) {
        try {
            List<DataRecord> list = RecordDecoder.decode(bytes, 0, bytes.length, false).records();
            assertThat(list).hasSize(1);
            return list.get(0);
        } catch (DecodeException e) {
            throw new AssertionError(e.describe(), e);
        }
    }
}
