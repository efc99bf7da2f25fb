package org.openamr.bench;

import java.util.concurrent.TimeUnit;
import org.openamr.mbus.DecodeException;
import org.openamr.wmbus.WirelessCodec;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.security.Aes;
import org.openamr.wmbus.tpl.FormatLookup;
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

    /** The records of one readout, 2F2F first, padded with idle fillers to four AES blocks. */
    private static final String RECORDS = "2F2F" + "0406%s" + "0413%s" + "025A%s" + "025E%s" + "023B%s" + "022B%s"
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

    /** L C M A CI ACC STS CFG, then the records: encrypted with mode 5 when a key is given. */
    static byte[] telegram(String id, int m, AesKey key) {
        String records = RECORDS.formatted(le(24007 + m * 13, 4), le(9549820 + m * 101, 4), le(701 + m, 2),
                le(402 + m, 2), le(1234 + m, 2), le(5400 + m, 2), "3A0DE602", le(21000 + m, 4), "1F31", "00");
        byte[] r = hex(records);
        byte[] payload = new byte[64];
        java.util.Arrays.fill(payload, (byte) 0x2F);
        System.arraycopy(r, 0, payload, 0, r.length);
        int access = m * 5 & 0xFF;
        byte[] link = hex("44D310" + id.substring(6, 8) + id.substring(4, 6) + id.substring(2, 4) + id.substring(0, 2)
                + "3004");
        byte[] t = new byte[1 + link.length + 5 + payload.length];
        t[0] = (byte) (t.length - 1);
        System.arraycopy(link, 0, t, 1, link.length);
        int p = 1 + link.length;
        t[p] = 0x7A;
        t[p + 1] = (byte) access;
        t[p + 2] = 0;
        t[p + 3] = key == null ? 0 : (byte) 0x40;
        t[p + 4] = key == null ? 0 : (byte) 0x05;
        if (key != null) {
            byte[] iv = new byte[16];
            System.arraycopy(t, 2, iv, 0, 8);
            java.util.Arrays.fill(iv, 8, 16, (byte) access);
            Aes.cbcEncrypt(key, iv, payload, 0, payload.length);
        }
        System.arraycopy(payload, 0, t, p + 5, payload.length);
        return t;
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
