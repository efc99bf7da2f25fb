package org.openamr.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.record.DataField;
import org.openamr.mbus.record.DataInformation;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.RecordEncoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.Value;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.link.DataLinkHeader;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.security.Encryption;
import org.openamr.wmbus.tpl.TplEncoder;

/**
 * The encoder is the inverse of the decoder: what it writes, {@link WirelessDecoder} reads back to
 * the same header and records, for both security modes and every frame format (the published
 * examples, written byte for byte, are in {@code SecurityEncoderTest}).
 */
class WirelessEncoderTest {

    /** Cases per property; the seeds are fixed so that a run never depends on chance (1 in 65,536 checks). */
    private static final int CASES = 300;
    private static final List<String> MANUFACTURERS = List.of("DFS", "ZRI", "KAM", "ELS", "QDS", "LUG");
    private static final int[] MEDIA = {0x04, 0x06, 0x07, 0x16, 0x03, 0x0C};

    @Test
    void everyEncryptedTelegramDecodesToItsHeaderAndRecords() {
        cases("round trip", r -> {
            OutgoingTelegram t = randomTelegram(r, r.nextBoolean() ? 5 : 7);
            FrameFormat format = r.nextBoolean() ? FrameFormat.A : FrameFormat.B;
            byte[] bytes = WirelessEncoder.encode(t, format);
            WirelessTelegram d = decode(bytes, keyOf(t));
            assertThat(d.format()).isEqualTo(format);
            assertThat(d.linkAddress()).isEqualTo(t.sender());
            assertThat(d.link().control()).isEqualTo(t.control());
            assertThat(d.accessNumber()).isEqualTo(t.accessNumber());
            assertThat(d.status()).isEqualTo(t.status());
            assertThat(d.transport().configuration().securityMode()).isEqualTo(t.encryption().mode());
            assertThat(d.decryptions()).singleElement().satisfies(x -> {
                assertThat(x.keySource()).isEqualTo(Decryption.KeySource.METER);
                assertThat(x.method()).isEqualTo(t.encryption() instanceof Encryption.Mode5
                        ? Decryption.Method.MODE_5_AES_CBC_IV : Decryption.Method.MODE_7_AES_CBC_KDF);
            });
            assertThat(d.records().records()).isEqualTo(t.records().records());
            assertThat(d.records()).isEqualTo(TplEncoder.padded(t.records()));
            assertThat(d.warnings()).isEmpty();
            if (t.encryption() instanceof Encryption.Mode7 m7) {
                assertThat(d.afl().messageCounter()).isEqualTo(m7.messageCounter());
                assertThat(d.afl().mac()).hasSize(8);
            }
            assertThat(d.ell() == null).isEqualTo(t.ellControl() < 0);
        });
    }

    @Test
    void plainTelegramsDecodeToTheirRecordsInEveryFormat() {
        cases("plain round trip", r -> {
            OutgoingTelegram t = randomTelegram(r, 0);
            FrameFormat format = FrameFormat.values()[r.nextInt(FrameFormat.values().length)];
            WirelessTelegram d = decode(WirelessEncoder.encode(t, format), null);
            assertThat(d.format()).isEqualTo(format);
            assertThat(d.records()).isEqualTo(t.records());
            assertThat(d.decryptions()).isEmpty();
        });
    }

    @Test
    void anotherKeyGivesTheWrongKeyErrorAndNoValues() {
        cases("wrong key", r -> {
            OutgoingTelegram t = randomTelegram(r, r.nextBoolean() ? 5 : 7);
            byte[] bytes = WirelessEncoder.encode(t, r.nextBoolean() ? FrameFormat.A : FrameFormat.B);
            byte[] other = keyOf(t).bytes();
            other[r.nextInt(16)] ^= (byte) (1 + r.nextInt(255));
            assertThatThrownBy(() -> decode(bytes, AesKey.of(other))).isInstanceOf(WrongKeyException.class)
                    .hasMessageContaining(t.encryption() instanceof Encryption.Mode5 ? "mode 5" : "mode 7");
        });
    }

    @Test
    void whatDoesNotFitIsRefusedWithTheReason() {
        Random r = new Random(1);
        List<DataRecord> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(volume(r.nextInt(1_000_000), i % 4));
        }
        OutgoingTelegram t = new OutgoingTelegram(DataLinkHeader.SND_NR, new MeterAddress(ManufacturerCode.encode("ZRI"),
                "12345678", 1, 0x07), -1, 1, new StatusByte(0), new Encryption.Mode5(randomKey(r)),
                new RecordSet(many, new byte[0], false));
        assertThatThrownBy(() -> WirelessEncoder.encode(t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted blocks");
    }

    private static AesKey keyOf(OutgoingTelegram t) {
        Encryption e = t.encryption();
        return e instanceof Encryption.Mode5 m5 ? m5.key() : ((Encryption.Mode7) e).key();
    }

    /** Decodes as a receiver holding {@code key} for the sender does; null: no keys at all. */
    private static WirelessTelegram decode(byte[] bytes, AesKey key) throws DecodeException {
        KeyStore keys = KeyStore.empty();
        if (key != null) {
            DataLinkHeader h = DataLinkHeader.decode(bytes);
            keys = keys.withMeterKey(h.manufacturerLetters(), h.id(), key);
        }
        return new WirelessDecoder(keys).decode(bytes);
    }

    /** A meter's telegram with up to 190 bytes of records: with the overheads it fits in 255 bytes and 15 blocks. */
    private static OutgoingTelegram randomTelegram(Random r, int mode) {
        MeterAddress sender = new MeterAddress(ManufacturerCode.encode(MANUFACTURERS.get(r.nextInt(MANUFACTURERS
                .size()))), "%08d".formatted(r.nextInt(100_000_000)), r.nextInt(256), MEDIA[r.nextInt(MEDIA.length)]);
        int budget = r.nextInt(190);
        List<DataRecord> records = new ArrayList<>();
        int size = 0;
        while (true) {
            DataRecord next = randomRecord(r);
            size += next.encode().length;
            if (size > budget) {
                break;
            }
            records.add(next);
        }
        Encryption e = switch (mode) {
            case 5 -> new Encryption.Mode5(randomKey(r));
            case 7 -> new Encryption.Mode7(randomKey(r), r.nextLong() & 0xFFFFFFFFL);
            default -> new Encryption.None();
        };
        int ell = r.nextInt(3) == 0 ? r.nextInt(256) : -1;
        return new OutgoingTelegram(r.nextBoolean() ? DataLinkHeader.SND_NR : DataLinkHeader.SND_IR, sender, ell,
                r.nextInt(256), new StatusByte(r.nextInt(256)), e, new RecordSet(records, new byte[0], false));
    }

    private static DataRecord randomRecord(Random r) {
        int storage = r.nextInt(3);
        return switch (r.nextInt(5)) {
            case 0 -> RecordEncoder.record(DataInformation.of(DataField.INT32, Function.INSTANTANEOUS, storage, 0, 0),
                    List.of(0x06), null, new Value.Numeric(BigDecimal.valueOf(r.nextInt(Integer.MAX_VALUE))));
            case 1 -> volume(r.nextInt(100_000_000), r.nextInt(3));
            case 2 -> RecordEncoder.record(DataInformation.of(DataField.INT16, Function.INSTANTANEOUS, 0, 0, 0),
                    List.of(0x5A), null, new Value.Numeric(BigDecimal.valueOf(r.nextInt(1500), 1)));
            case 3 -> RecordEncoder.record(DataInformation.of(DataField.INT16, Function.INSTANTANEOUS, storage, 0, 0),
                    List.of(0x6C), null, new Value.Date(LocalDate.of(2000 + r.nextInt(80), 1 + r.nextInt(12),
                            1 + r.nextInt(28))));
            default -> RecordEncoder.record(DataInformation.of(DataField.INT32, Function.INSTANTANEOUS, 0, 0, 0),
                    List.of(0x6D), null, new Value.DateTime(LocalDateTime.of(2000 + r.nextInt(80), 1 + r.nextInt(12),
                            1 + r.nextInt(28), r.nextInt(24), r.nextInt(60)), false));
        };
    }

    /** Litres in BCD on a subunit, decoded in m³. */
    private static DataRecord volume(int litres, int subunit) {
        return RecordEncoder.record(DataInformation.of(DataField.BCD8, Function.INSTANTANEOUS, 0, 0, subunit),
                List.of(0x13), null, new Value.Numeric(BigDecimal.valueOf(litres, 3)));
    }

    private static AesKey randomKey(Random r) {
        byte[] k = new byte[16];
        r.nextBytes(k);
        return AesKey.of(k);
    }

    private interface Case {
        void run(Random r) throws Exception;
    }

    /** Runs {@code body} on {@link #CASES} fixed seeds; a failure names its seed. */
    private static void cases(String property, Case body) {
        for (int seed = 1; seed <= CASES; seed++) {
            try {
                body.run(new Random(seed));
            } catch (AssertionError | Exception e) {
                throw new AssertionError(property + " failed for seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }
}
