package org.openamr.bench.modbus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.openamr.acquisition.modbus.ChannelFailureException;
import org.openamr.acquisition.modbus.ModbusAddress;
import org.openamr.acquisition.modbus.ModbusMaster;
import org.openamr.acquisition.modbus.ModbusSettings;
import org.openamr.acquisition.modbus.UnitScan;
import org.openamr.simulator.modbus.CharacterFormat;
import org.openamr.simulator.modbus.ModbusBusStats;
import org.openamr.simulator.modbus.ModbusServers;
import org.openamr.simulator.modbus.PduCodec;
import org.openamr.simulator.modbus.RtuTiming;
import org.openamr.simulator.modbus.VirtualModbusBus;
import org.openamr.simulator.radio.DurationText;
import org.openamr.simulator.serve.PtyLineServer;

/**
 * A scan of unit ids 1–247 over Modbus RTU, measured against the physical limit (not a test; figures in
 * benchmarks/README.md, "Modbus RTU scan"). A virtual bus with {@code units} units spread evenly over the range, the
 * others absent, served on a socat pseudo-terminal paced like a line at {@code baud} in {@code format}; the product's
 * {@link ModbusMaster} opens the pseudo-terminal as its serial port with {@link ModbusSettings#SCAN} and the response
 * timeout {@code timeout}, and {@link UnitScan} probes every id once, {@code runs} times after an untimed warm-up.
 *
 * <p>The limit counts exactly what the scan asked of the line, probe by probe (characters at the format's bits, 11
 * for 8E1):
 * <ul>
 * <li>a unit that answers: the request (8 characters), the slave's turnaround as the simulator paces it (the silent
 * interval plus 1 ms of processing) and the answer (7 characters; 5 for an exception answer);</li>
 * <li>an absent unit: the response timeout as the master grants it on a serial line, counted from the moment it
 * hands the request over: the configured timeout plus the wire time of the request and of the answer it asks for
 * ({@link ModbusAddress.Serial#wireTime}, 15 characters). The strict limit, printed too, is the request and the
 * configured timeout alone, as if the timeout ran from the request's last character and an answer had to be complete
 * within it;</li>
 * <li>between two probes: the silent interval, 3.5 characters ({@link ModbusAddress.Serial#silentInterval}).</li>
 * </ul>
 * Ratio = limit / time taken; the goal is ≥ 0.9. The time each id took beyond its limit (its probe's end minus the
 * previous probe's end, the silent interval included) is averaged over the absent ids and the units, and ids more
 * than 10 ms over are counted as slow. Each run checks that the ids found are exactly the bus's units and that the
 * bus received every request the master sent and dropped none.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.modbus.ScanBenchmark \
 *     [units=20] [timeout=100ms] [baud=9600] [format=8E1] [runs=3] [seed=16]</pre>
 *
 * <p>Exits with status 1 when a run found other ids than the bus has or the bus saw other requests than were sent.
 */
public final class ScanBenchmark {

    private static final int FIRST = UnitScan.FIRST_UNIT;
    private static final int LAST = UnitScan.LAST_UNIT;
    private static final int REQUEST_CHARACTERS = 8;
    /** Unit, function, byte count, one register, CRC. */
    private static final int ANSWER_CHARACTERS = 7;
    /** Unit, function with the high bit, exception code, CRC. */
    private static final int EXCEPTION_CHARACTERS = 5;
    /** An id that took this much longer than its limit is counted as slow. */
    private static final double SLOW_MS = 10;
    /** What {@link UnitScan} asks each id: holding register 0. */
    private static final byte[] PROBE = {0x03, 0, 0, 0, 1};

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("units", "20", "timeout", "100ms", "baud", "9600", "format", "8E1",
                "runs", "3", "seed", "16"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !a.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + a.keySet());
            }
            a.put(kv[0], kv[1]);
        }
        int units = Integer.parseInt(a.get("units"));
        Duration timeout = DurationText.parse(a.get("timeout"));
        int baud = Integer.parseInt(a.get("baud"));
        CharacterFormat format = CharacterFormat.parse(a.get("format"));
        int runs = Integer.parseInt(a.get("runs"));
        List<Integer> present = spread(units);

        VirtualModbusBus bus = VirtualModbusBus.builder().seed(Long.parseLong(a.get("seed"))).unitIds(present).build();
        RtuTiming timing = RtuTiming.paced(baud, format);
        Path tty = Files.createTempDirectory("openamr-scan-bench").resolve("ttyMODBUS");
        ModbusAddress address = ModbusAddress.parse("rtu:" + tty + "?baud=" + baud + "&format=" + format);
        ModbusSettings settings = ModbusSettings.SCAN.withResponseTimeout(timeout);
        System.out.printf(Locale.ROOT, "Modbus RTU scan of unit ids %d–%d, %s paced on a pseudo-terminal, %d units"
                        + " present (%s), response timeout %d ms, %d attempt(s); Java %s%n", FIRST, LAST,
                timing.describe(), units, VirtualModbusBus.describe(present), timeout.toMillis(), settings.attempts(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "character %.3f ms, silent interval %.3f ms, slave turnaround %.3f ms%n",
                timing.characterNanos() / 1e6, timing.silenceNanos() / 1e6, timing.turnaroundNanos() / 1e6);

        List<Run> done = new ArrayList<>();
        // nothing touches the line before the master's first request
        try (PtyLineServer server = ModbusServers.rtuPty(bus, tty, timing);
                ModbusMaster master = ModbusMaster.open(address, settings)) {
            warmSimulator(bus, present);
            // Opens the port and takes the master's paths once: an answer and a timeout.
            UnitScan.Result warmUp = UnitScan.run(master, present.get(0), present.get(0) + 1, (p, n, total) -> { });
            System.out.printf(Locale.ROOT, "warm-up (not counted): %s in %d ms%n", warmUp.probes().stream()
                    .map(p -> "unit " + p.unit() + " " + p.outcome().name().toLowerCase(Locale.ROOT)).toList(),
                    warmUp.elapsed().toMillis());
            Thread.sleep(1000); // a late answer to the warm-up arrives, and is dropped, before the clock starts
            System.out.printf("%4s %10s %11s %9s %6s %9s %6s %5s %8s %14s %13s %11s %5s%n", "run", "load",
                    "elapsed ms", "limit ms", "ratio", "strict ms", "ratio", "found", "requests", "overhead/empty",
                    "overhead/unit", "worst empty", "slow");
            for (int run = 1; run <= runs; run++) {
                done.add(scan(run, bus, master, timing, present));
            }
        } finally {
            Files.deleteIfExists(tty.getParent()); // socat has removed its links
        }
        System.out.printf(Locale.ROOT, "median of %d runs: elapsed %,.1f ms, limit %,.1f ms, ratio %.3f (strict %.3f),"
                        + " overhead per empty id %.2f ms: goal ratio ≥ 0.9 %s%n", runs, median(done, Run::elapsedMs),
                median(done, Run::limitMs), median(done, Run::ratio), median(done, Run::strictRatio),
                median(done, Run::emptyOverheadMs), median(done, Run::ratio) >= 0.9 ? "met" : "NOT met");
        if (done.stream().anyMatch(r -> !r.right())) {
            System.out.println("WRONG: a run found other ids than the bus has, or the bus saw other requests");
            System.exit(1);
        }
    }

    /**
     * The simulator shares this JVM, and its first answer of a unit (class loading, the meter's first values) takes
     * longer than a short timeout; the late answer would then be taken for the next id's. So each unit answers the
     * probe's request once straight from the bus before the line is used. (Not through a second master: jSerialComm
     * cannot open a pseudo-terminal again once it has set parity on it, tcsetattr refuses with EINVAL.)
     */
    private static void warmSimulator(VirtualModbusBus bus, List<Integer> present) {
        for (int unit : present) {
            bus.handle(unit, PduCodec.request(PROBE));
        }
    }

    /** One measured scan of 1–247, printed as a row. */
    private static Run scan(int run, VirtualModbusBus bus, ModbusMaster master, RtuTiming timing, List<Integer> present)
            throws ChannelFailureException {
        String loadBefore = load();
        ModbusBusStats before = bus.stats();
        long[] probeEnds = new long[LAST - FIRST + 1];
        long start = System.nanoTime();
        UnitScan.Result result = UnitScan.run(master, FIRST, LAST,
                (p, n, total) -> probeEnds[n - 1] = System.nanoTime());
        ModbusBusStats after = bus.stats();
        boolean idsRight = result.found().equals(present);
        boolean busRight = after.requests() - before.requests() == result.requests()
                && after.droppedFrames() == before.droppedFrames()
                && after.replies() - before.replies() == present.size();
        Run r = measure(result, start, probeEnds, timing, master, idsRight && busRight);
        System.out.printf(Locale.ROOT, "%4d %10s %,11.1f %,9.1f %6.3f %,9.1f %6.3f %5s %8d %11.2f ms %10.2f ms"
                        + " %8.2f ms %5d%s%n", run, loadBefore + "→" + load(), r.elapsedMs(), r.limitMs(), r.ratio(),
                r.strictMs(), r.strictRatio(), result.found().size() + (idsRight ? "" : "!"), result.requests(),
                r.emptyOverheadMs(), r.unitOverheadMs(), r.worstEmptyOverheadMs(), r.slowIds(), !idsRight
                        ? "  found " + VirtualModbusBus.describe(result.found())
                        : busRight ? "" : "  the bus saw other requests than were sent: " + before + " → " + after);
        return r;
    }

    /**
     * @param elapsedMs            the scan's time as {@link UnitScan} measured it
     * @param limitMs              the physical limit with the response timeout as the master grants it
     * @param strictMs             the same with the configured timeout alone
     * @param emptyOverheadMs      mean time an absent id took beyond its limit (with the silent interval before it)
     * @param unitOverheadMs       the same for the units present
     * @param worstEmptyOverheadMs the most an absent id took beyond its limit
     * @param slowIds              ids, present or not, that took more than 10 ms beyond their limit
     * @param right                the ids found were the bus's units, and the bus saw every request, no other
     */
    record Run(double elapsedMs, double limitMs, double strictMs, double emptyOverheadMs, double unitOverheadMs,
               double worstEmptyOverheadMs, int slowIds, boolean right) {

        double ratio() {
            return limitMs / elapsedMs;
        }

        double strictRatio() {
            return strictMs / elapsedMs;
        }
    }

    private static Run measure(UnitScan.Result result, long start, long[] probeEnds, RtuTiming timing,
            ModbusMaster master, boolean right) {
        long character = timing.characterNanos();
        ModbusAddress.Serial line = (ModbusAddress.Serial) master.address();
        long timeout = master.settings().responseTimeout().toNanos();
        // what the master waits for an answer from the moment it hands the request over
        long granted = timeout + line.wireTime(REQUEST_CHARACTERS + ANSWER_CHARACTERS).toNanos();
        long limit = 0;
        long strict = 0;
        double emptyOver = 0;
        double unitOver = 0;
        double worst = 0;
        int slow = 0;
        int empty = 0;
        List<UnitScan.Probe> probes = result.probes();
        for (int i = 0; i < probes.size(); i++) {
            UnitScan.Probe p = probes.get(i);
            long gap = i == 0 ? 0 : line.silentInterval().toNanos();
            long request = REQUEST_CHARACTERS * character;
            long own;
            long ownStrict;
            switch (p.outcome()) {
                case ANSWERED -> own = ownStrict = request + timing.turnaroundNanos() + ANSWER_CHARACTERS * character;
                case REFUSED -> own = ownStrict = request + timing.turnaroundNanos() + EXCEPTION_CHARACTERS * character;
                case SILENT -> {
                    own = granted;
                    ownStrict = request + timeout;
                }
                default -> throw new IllegalStateException("unit " + p.unit() + ": " + p.outcome() + " "
                        + p.failure().map(Throwable::getMessage).orElse(""));
            }
            limit += gap + own;
            strict += gap + ownStrict;
            double took = (probeEnds[i] - (i == 0 ? start : probeEnds[i - 1])) / 1e6;
            double over = took - (gap + own) / 1e6;
            if (over > SLOW_MS) {
                slow++;
            }
            if (p.outcome().present()) {
                unitOver += over;
            } else {
                emptyOver += over;
                worst = Math.max(worst, over);
                empty++;
            }
        }
        int units = probes.size() - empty;
        return new Run(result.elapsed().toNanos() / 1e6, limit / 1e6, strict / 1e6, empty == 0 ? 0 : emptyOver / empty,
                units == 0 ? 0 : unitOver / units, worst, slow, right);
    }

    /** {@code n} ids spread evenly over 1–247, the first and the last among them when n ≥ 2. */
    static List<Integer> spread(int n) {
        if (n < 1 || n > LAST - FIRST + 1) {
            throw new IllegalArgumentException("units is 1–" + (LAST - FIRST + 1) + ", not " + n);
        }
        TreeSet<Integer> ids = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(n == 1 ? FIRST : FIRST + (int) Math.round((double) i * (LAST - FIRST) / (n - 1)));
        }
        return List.copyOf(ids);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        double[] s = runs.stream().mapToDouble(figure).sorted().toArray();
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The one-minute load average, as the kernel reports it. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
