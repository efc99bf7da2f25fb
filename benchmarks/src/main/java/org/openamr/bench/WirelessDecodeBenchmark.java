package org.openamr.bench;

import java.util.concurrent.TimeUnit;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.record.RecordDecoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.OutgoingTelegram;
import org.openamr.wmbus.WirelessCodec;
import org.openamr.wmbus.WirelessEncoder;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.link.DataLinkHeader;
import org.openamr.wmbus.security.Encryption;
import org.openamr.wmbus.tpl.FormatLookup;
import org.openamr.wmbus.tpl.TplEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Wireless telegrams decrypted and decoded per second on one thread. The corpus is built in the
 * set-up: {@value #METERS} OMS heat meters (T1, short header, security mode 5, 4 encrypted blocks:
 * energy, volume, temperatures, flow, power, date and time, a due-date energy and date, error flags),
 * each with its own key in the key store, as a receiver of a building would hold them.
 * {@link #mode5} is the whole path: link layer, key look-up, AES-128-CBC, the 2F2F check and every
 * record; {@link #plain} decodes the same telegrams sent unencrypted, which shows what decryption costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
public class WirelessDecodeBenchmark {

    static final int METERS = 64;

    /** The records of one readout; the encoder puts 2F2F first and pads them to four AES blocks. */
    private static final String RECORDS = "0406%s" + "0413%s" + "025A%s" + "025E%s" + "023B%s" + "022B%s"
            + "046D%s" + "4406%s" + "426C%s" + "01FD17%s";

    private byte[][] encrypted;
    private byte[][] plain;
    private KeyStore keys;

    @Setup(Level.Trial)
    public void build() {
        encrypted = new byte[METERS][];
        plain = new byte[METERS][];
        KeyStore k = KeyStore.empty();
        for (int m = 0; m < METERS; m++) {
            String id = "%08d".formatted(41490000 + m * 37);
            byte[] key = new byte[16];
            for (int i = 0; i < 16; i++) {
                key[i] = (byte) (m * 31 + i * 7);
            }
            k = k.withMeterKey("DFS", id, AesKey.of(key));
            encrypted[m] = telegram(id, m, AesKey.of(key));
            plain[m] = telegram(id, m, null);
        }
        keys = k;
        for (byte[] t : encrypted) {
            try {
                if (WirelessCodec.decode(t, keys, FormatLookup.NONE).records().records().size() != 10) {
                    throw new IllegalStateException("a benchmark telegram does not decode to its 10 records");
                }
            } catch (DecodeException e) {
                throw new IllegalStateException("a benchmark telegram does not decode: " + e.describe(), e);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(METERS)
    public void mode5(Blackhole bh) throws DecodeException {
        for (byte[] t : encrypted) {
            bh.consume(WirelessCodec.decode(t, keys, FormatLookup.NONE));
        }
    }

    @Benchmark
    @OperationsPerInvocation(METERS)
    public void plain(Blackhole bh) throws DecodeException {
        for (byte[] t : plain) {
            bh.consume(WirelessCodec.decode(t, keys, FormatLookup.NONE));
        }
    }

    /** A DFS heat meter's telegram: mode 5 when a key is given, else the same padded records in plain. */
    static byte[] telegram(String id, int m, AesKey key) {
        byte[] r = hex(RECORDS.formatted(le(24007 + m * 13, 4), le(9549820 + m * 101, 4), le(701 + m, 2),
                le(402 + m, 2), le(1234 + m, 2), le(5400 + m, 2), "3A0DE602", le(21000 + m, 4), "1F31", "00"));
        RecordSet records;
        try {
            records = RecordDecoder.decode(r, 0, r.length, false, 0);
        } catch (DecodeException e) {
            throw new IllegalStateException("the benchmark's records do not decode: " + e.describe(), e);
        }
        MeterAddress meter = new MeterAddress(ManufacturerCode.encode("DFS"), id, 0x30, Medium.HEAT.code());
        Encryption encryption = key == null ? new Encryption.None() : new Encryption.Mode5(key);
        return WirelessEncoder.encode(new OutgoingTelegram(DataLinkHeader.SND_NR, meter, -1, m * 5 & 0xFF,
                new StatusByte(0), encryption, key == null ? TplEncoder.padded(records) : records));
    }

    private static String le(long v, int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            sb.append("%02X".formatted((v >> (8 * i)) & 0xFF));
        }
        return sb.toString();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s.toLowerCase(java.util.Locale.ROOT));
    }
}
