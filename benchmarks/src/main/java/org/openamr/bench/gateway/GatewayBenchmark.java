package org.openamr.bench.gateway;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.gateway.Gateway;
import org.openamr.gateway.GatewaySettings;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.reading.Schedule;
import org.openamr.modbus.map.WordOrder;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * The gateway's Modbus TCP server under load (not a test; figures in benchmarks/README.md, "Gateway"). A virtual
 * bus of {@code meters} meters behind the simulator's TCP gateway, unpaced; the gateway reads it once before the
 * clock starts, then keeps reading it every {@code interval} on its own thread while {@code clients} clients, each
 * on its own connection and thread, ask for one whole meter block (64 registers, function 03) after the other,
 * a different meter each time, for {@code seconds}. Each answer is checked (transaction id, byte count, the slot's
 * status register) and the age register of its block is collected.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.gateway.GatewayBenchmark \
 *     [meters=250] [clients=4] [seconds=20] [warmup=5] [interval=10s]</pre>
 *
 * <p>The clients speak Modbus TCP over plain sockets (MBAP header, one request in flight per connection), so that the
 * client side costs little of the two cores the server shares with them.
 */
public final class GatewayBenchmark {

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("meters", "250", "clients", "4", "seconds", "20", "warmup", "5",
                "interval", "10s"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !a.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + a.keySet());
            }
            a.put(kv[0], kv[1]);
        }
        int meters = Integer.parseInt(a.get("meters"));
        int clients = Integer.parseInt(a.get("clients"));
        Duration measured = Duration.ofSeconds(Long.parseLong(a.get("seconds")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(a.get("warmup")));
        Duration interval = Duration.ofSeconds(Long.parseLong(a.get("interval").replace("s", "")));

        VirtualBus bus = VirtualBus.builder().seed(250).clock(Clock.systemUTC()).demo(meters).build();
        Path dir = Files.createTempDirectory("openamr-gateway-bench");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < meters; i++) {
            file.append(bus.meters().get(i).secondaryAddress()).append('\n');
        }
        Path meterFile = Files.writeString(dir.resolve("meters.txt"), file);
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced())) {
            GatewaySettings settings = new GatewaySettings(BusConnection.of("tcp://127.0.0.1:" + server.port(), 2400),
                    meterFile, false, new Schedule.Every(interval), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    Optional.empty(), ValueFormat.INT32, WordOrder.BIG, 1, "0.1.0", ZoneOffset.UTC);
            try (Gateway gateway = Gateway.open(settings, Clock.systemUTC(), line -> System.out.println("  gateway: " + line))) {
                gateway.serve();
                int port = gateway.tcpAddress().getPort();
                System.out.printf(Locale.ROOT, "%d meters, %d clients, %d s after %d s warm-up, the bus read every %d s%n",
                        meters, clients, measured.toSeconds(), warmup.toSeconds(), interval.toSeconds());
                gateway.startReading(); // reads at once, then every interval, while the clients ask
                while (gateway.image().word(Layout.G_CYCLES + 1, 0) == 0) {
                    Thread.sleep(50);
                }
                run(port, meters, clients, warmup, false);
                Result r = run(port, meters, clients, measured, true);
                long[] ages = r.ages();
                Arrays.sort(ages);
                System.out.printf(Locale.ROOT, "requests answered: %,d in %.1f s = %,.0f requests/s (%d clients, 64 registers"
                                + " each); errors %d%n", r.requests(), r.seconds(), r.requests() / r.seconds(), clients,
                        r.errors());
                System.out.printf(Locale.ROOT, "age of the served values (s): min %d, median %d, p99 %d, max %d%n",
                        ages[0], ages[ages.length / 2], ages[(int) (ages.length * 0.99)], ages[ages.length - 1]);
                System.out.printf(Locale.ROOT, "read-outs during the run: %d (each of %d meters)%n",
                        gateway.image().word(Layout.G_CYCLES + 1, 0), meters);
            }
        }
    }

    record Result(long requests, long errors, double seconds, long[] ages) {
    }

    private static Result run(int port, int meters, int clients, Duration length, boolean keep) throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> ages = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] agesSeen = new long[4096];
            Arrays.fill(agesSeen, -1);
            ages.add(agesSeen);
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] request = new byte[12];
                    byte[] answer = new byte[9 + 2 * Layout.BLOCK];
                    int tid = 0;
                    long n = 0;
                    while (System.nanoTime() < end) {
                        int slot = 1 + (int) ((n * clients + client) % meters);
                        tid = (tid + 1) & 0xFFFF;
                        int address = Layout.blockStart(slot);
                        request[0] = (byte) (tid >> 8);
                        request[1] = (byte) tid;
                        request[5] = 6;
                        request[6] = 1;
                        request[7] = 3;
                        request[8] = (byte) (address >> 8);
                        request[9] = (byte) address;
                        request[11] = (byte) Layout.BLOCK;
                        out.write(request);
                        in.readFully(answer);
                        int gotTid = (answer[0] & 0xFF) << 8 | answer[1] & 0xFF;
                        int status = (answer[9 + 2 * Layout.STATUS] & 0xFF) << 8 | answer[10 + 2 * Layout.STATUS] & 0xFF;
                        if (gotTid != tid || answer[7] != 3 || (answer[8] & 0xFF) != 2 * Layout.BLOCK || status != 2) {
                            errors.incrementAndGet();
                        }
                        long age = ((long) word(answer, Layout.AGE) << 16) | word(answer, Layout.AGE + 1);
                        agesSeen[(int) (n % agesSeen.length)] = age;
                        n++;
                        requests.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println("client " + client + ": " + e.getMessage());
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = ages.stream().flatMapToLong(Arrays::stream).filter(x -> x >= 0).toArray();
        return keep ? new Result(requests.get(), errors.get(), seconds, all) : null;
    }

    private static int word(byte[] answer, int offset) {
        return (answer[9 + 2 * offset] & 0xFF) << 8 | answer[10 + 2 * offset] & 0xFF;
    }
}
