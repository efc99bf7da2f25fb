package org.openamr.bench.bus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.BusTiming;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.MasterSettings;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.search.FoundMeter;
import org.openamr.mbus.search.SearchListener;
import org.openamr.mbus.search.SecondarySearch;
import org.openamr.mbus.transport.TcpTransport;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.serve.InProcessTransport;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * The master on a virtual bus, measured (not a test; README "Measurements" has the figures):
 * <ol>
 * <li><b>bus time</b>: N meters read by primary address over a TCP gateway in front of a bus paced
 * at 2400 baud; the time taken against the physical lower limit, which is every byte that crossed
 * the bus at 11 bits a character plus the minimal turnaround (11 bit times) before every answer;</li>
 * <li><b>search transactions</b>: requests sent by {@link SecondarySearch} to find 250 meters, with
 * random ids and with consecutive ids (delivery batches), next to libmbus's algorithm
 * ({@link LibmbusSearch}) on the same buses — with libmbus's default of one retry of an empty
 * selection, and without it. Both must find exactly the meters on the bus.</li>
 * </ol>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.bus.BusBenchmark [paced-meters] [seeds]</pre>
 */
public final class BusBenchmark {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:30:00Z"), ZoneOffset.UTC);
    private static final int SEARCH_METERS = 250;
    private static final int BAUD = 2400;

    private BusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pacedMeters = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "OpenAMR bus benchmark, %s, Java %s%n%n", Instant.now(),
                System.getProperty("java.version"));
        searchTransactions(seeds);
        busTime(pacedMeters);
    }

    // ---- (b) search transactions ----------------------------------------------------------------

    private static void searchTransactions(int seeds) throws MasterException {
        System.out.printf("Secondary search, %d meters, transactions (requests sent)%n", SEARCH_METERS);
        System.out.printf("%-12s %5s %8s %16s %7s %16s %7s%n", "ids", "seed", "OpenAMR", "libmbus (retry)",
                "ratio", "libmbus (none)", "ratio");
        for (IdScheme scheme : IdScheme.values()) {
            long ours = 0;
            long lib = 0;
            long libNoRetry = 0;
            for (int seed = 1; seed <= seeds; seed++) {
                long o = count(scheme, seed, master -> SecondarySearch.run(master, SecondaryAddress.WILDCARD,
                        SearchListener.NONE).meters().stream().map(FoundMeter::address).toList());
                long l = count(scheme, seed, master -> LibmbusSearch.run(master, 1));
                long l0 = count(scheme, seed, master -> LibmbusSearch.run(master, 0));
                ours += o;
                lib += l;
                libNoRetry += l0;
                System.out.printf(Locale.ROOT, "%-12s %5d %8d %16d %7.2f %16d %7.2f%n", scheme.name().toLowerCase(),
                        seed, o, l, (double) o / l, l0, (double) o / l0);
            }
            System.out.printf(Locale.ROOT, "%-12s %5s %8d %16d %7.2f %16d %7.2f%n%n", scheme.name().toLowerCase(),
                    "all", ours, lib, (double) ours / lib, libNoRetry, (double) ours / libNoRetry);
        }
    }

    private interface Search {
        List<SecondaryAddress> run(MBusMaster master) throws MasterException;
    }

    private static long count(IdScheme scheme, long seed, Search search) throws MasterException {
        VirtualBus bus = VirtualBus.builder().seed(seed).clock(CLOCK).demo(SEARCH_METERS, scheme).build();
        try (MBusMaster master = new MBusMaster(new InProcessTransport(bus, BAUD), MasterSettings.DEFAULT, CLOCK)) {
            List<SecondaryAddress> found = search.run(master);
            Set<SecondaryAddress> want = new HashSet<>(bus.truth().secondaryAddresses());
            if (found.size() != want.size() || !want.containsAll(found)) {
                throw new IllegalStateException("a search missed meters: found " + found.size() + " of " + want.size());
            }
            return master.transactions();
        }
    }

    // ---- (a) bus time ---------------------------------------------------------------------------

    private static void busTime(int meters) throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(7).clock(CLOCK).demo(meters).build();
        BusTiming timing = new BusTiming(BAUD);
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.atBaud(BAUD))) {
            CountingTransport channel = new CountingTransport(new TcpTransport("127.0.0.1", server.port(), BAUD));
            try (MBusMaster master = new MBusMaster(channel)) {
                master.read(1); // connect and measure the channel's latency before the clock starts
                long bytesBefore = channel.bytes();
                long transactionsBefore = master.transactions();
                int telegrams = 0;
                long start = System.nanoTime();
                for (int address = 1; address <= meters; address++) {
                    Readout r = master.read(address);
                    telegrams += r.telegrams().size();
                }
                Duration used = Duration.ofNanos(System.nanoTime() - start);
                long bytes = channel.bytes() - bytesBefore;
                long exchanges = master.transactions() - transactionsBefore;
                Duration limit = timing.frameTime((int) bytes).plus(timing.minimumTurnaround().multipliedBy(exchanges));
                System.out.printf(Locale.ROOT, "Bus time, %d meters read by primary address at %d baud over TCP "
                        + "(%d telegrams, %d requests, %d bytes on the bus)%n", meters, BAUD, telegrams, exchanges, bytes);
                System.out.printf(Locale.ROOT, "  used %.3f s, physical lower limit %.3f s, efficiency (limit / used) %.3f%n",
                        used.toNanos() / 1e9, limit.toNanos() / 1e9, (double) limit.toNanos() / used.toNanos());
                System.out.printf(Locale.ROOT, "  gateway latency measured by the master: %.1f ms%n",
                        master.measuredLatency().toNanos() / 1e6);
            }
        }
    }
}
