package org.openamr.cli.gateway;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.schedule.Cron;
import org.openamr.cli.OpenAmr;
import org.openamr.cli.bus.BusOptions;
import org.openamr.cli.simulate.ListenAddress;
import org.openamr.cli.simulate.UntilStopped;
import org.openamr.gateway.Gateway;
import org.openamr.gateway.GatewaySettings;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.meters.MeterFileException;
import org.openamr.gateway.reading.Schedule;
import org.openamr.gateway.serve.RtuPort;
import org.openamr.modbus.map.WordOrder;
import org.openamr.simulator.radio.DurationText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openamr gateway}: the M-Bus meters of a bus as Modbus TCP (and RTU) registers. */
@Command(name = "gateway", mixinStandardHelpOptions = true, sortOptions = false, subcommands = MapCommand.class,
        description = {"Read the M-Bus meters of a bus on a schedule and serve their latest values as a Modbus TCP"
                + " server (and an RTU slave with --rtu), one 64-register block per meter at slot x 64, the slots kept"
                + " in the meter file (layout: gateway/README.md). Runs until Ctrl-C or SIGTERM.",
                "Шлюз M-Bus → Modbus: опрос счётчиков шины M-Bus по расписанию и выдача последних значений как"
                + " сервер Modbus TCP (и ведомый RTU с --rtu), блок из 64 регистров на счётчик по адресу слот x 64;"
                + " слоты хранятся в файле счётчиков. Работает до Ctrl-C или SIGTERM."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"2:usage error, a wrong meter file, or a port that cannot be opened",
                "130/143:stopped by Ctrl-C / SIGTERM"})
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--bus", paramLabel = "CHANNEL", description = "The M-Bus: a serial port (/dev/ttyUSB0) or tcp://host:port.")
    String bus;

    @Mixin
    BusOptions busOptions;

    @Option(names = "--meters", paramLabel = "FILE",
            description = "The meter file: 'SLOT ADDRESS' a line (primary address, 8-digit id or 16-hex-digit secondary"
                    + " address); a line with an address alone gets the next free slot, written back.")
    Path meters;

    @Option(names = "--search", description = "Search the bus (secondary addresses) at the first read-out and append the"
            + " meters the file does not list; the file is created if missing.")
    boolean search;

    @Option(names = "--listen", paramLabel = "PORT", description = "Modbus TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int listen = 502;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address only, e.g. 127.0.0.1 (default: all interfaces).")
    String bind;

    @Option(names = "--rtu", paramLabel = "rtu:PORT[?baud=9600&format=8E1]",
            description = "Also answer as a Modbus RTU slave on this serial port (written as for openamr modbus).")
    String rtu;

    @Option(names = "--rtu-unit", paramLabel = "N", description = "The RTU slave's unit id, 1-247 (default ${DEFAULT-VALUE}).")
    int rtuUnit = 1;

    static final class When {
        @Option(names = "--interval", paramLabel = "DURATION", description = "Read every DURATION, e.g. 15m, 1h (default 15m).")
        String interval;

        @Option(names = "--cron", paramLabel = "\"M H DOM MON DOW\"", description = "Read at the moments of a cron expression.")
        String cron;
    }

    @ArgGroup(exclusive = true)
    When when;

    @Option(names = "--values", paramLabel = "int32|float32",
            description = "Value coding: int32 in thousandths of the slot's unit, or float32 (default ${DEFAULT-VALUE}).")
    ValueFormat values = ValueFormat.INT32;

    @Option(names = "--word-order", paramLabel = "big|little",
            description = "Order of the two registers of every 32-bit value: big = high word first (default ${DEFAULT-VALUE}).")
    WordOrder wordOrder = WordOrder.BIG;

    @Option(names = "--serial", paramLabel = "N", description = "The gateway serial number its block shows, 0..4294967295 (default ${DEFAULT-VALUE}).")
    long serial;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of the meters' clocks (due dates) and of --cron (default: the system's).")
    ZoneId zone = ZoneId.systemDefault();

    @Spec
    CommandSpec spec;

    /** The clock of the read-outs; tests may set another one. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        GatewaySettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (UntilStopped until = new UntilStopped("openamr-gateway-shutdown");
             Gateway gateway = Gateway.open(settings, clock, line -> {
                 synchronized (out) {
                     out.println(clock.instant().truncatedTo(ChronoUnit.SECONDS) + " " + line);
                     out.flush();
                 }
             })) {
            gateway.serve();
            printSummary(out, settings, gateway);
            gateway.startReading();
            until.await(0);
        } catch (MeterFileException e) {
            err.println("openamr gateway: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("openamr gateway: " + e.getMessage());
            return 2;
        }
        out.println(clock.instant().truncatedTo(ChronoUnit.SECONDS) + " stopped");
        out.flush();
        return 0;
    }

    /** The options checked; a wrong one is an exception naming it. */
    GatewaySettings settings() {
        if (bus == null) {
            throw new IllegalArgumentException("give the M-Bus to read with --bus, e.g. --bus /dev/ttyUSB0 or --bus"
                    + " tcp://192.0.2.10:10001");
        }
        if (meters == null) {
            throw new IllegalArgumentException("give the meter file with --meters FILE ('SLOT ADDRESS' a line; with"
                    + " --search it may not exist yet)");
        }
        BusConnection connection;
        try {
            connection = busOptions.connection(bus);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bus: " + e.getMessage(), e);
        }
        InetSocketAddress at = ListenAddress.of("--listen", listen, bind);
        Optional<RtuPort> port;
        try {
            port = rtu == null ? Optional.empty() : Optional.of(RtuPort.of(rtu, rtuUnit));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rtu: " + e.getMessage(), e);
        }
        return new GatewaySettings(connection, meters, search, schedule(), at, port, values, wordOrder, serial,
                OpenAmr.class.getPackage().getImplementationVersion(), zone);
    }

    private Schedule schedule() {
        if (when != null && when.cron != null) {
            try {
                return new Schedule.OnCron(Cron.parse(when.cron));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cron: " + e.getMessage(), e);
            }
        }
        try {
            return new Schedule.Every(DurationText.parse(when != null && when.interval != null ? when.interval : "15m"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--interval: " + e.getMessage(), e);
        }
    }

    private static void printSummary(PrintWriter out, GatewaySettings s, Gateway g) {
        synchronized (out) {
            out.println("OpenAMR M-Bus -> Modbus gateway");
            out.println("  bus       " + s.bus().address() + " at " + s.bus().baud() + " Bd");
            out.println("  meters    " + g.meters().entries().size() + " in " + s.metersFile() + " (slots 1-"
                    + g.meters().highestSlot() + ")" + (s.search() ? ", and what the search finds" : ""));
            out.println("  modbus    " + ListenAddress.text(g.tcpAddress()) + ", any unit id");
            s.rtu().ifPresent(r -> out.println("  rtu       " + r));
            out.println("  values    " + (s.format() == ValueFormat.INT32 ? "int32 in thousandths of the unit"
                    : "float32") + ", " + s.order().name().toLowerCase(java.util.Locale.ROOT) + " word order");
            out.println("  schedule  " + s.schedule() + ", the first read-out now");
            out.println("Layout: gateway block at 0, meter slot K at K x 64; 'openamr gateway map --slot K' prints its"
                    + " register map. Stop with Ctrl-C.");
            out.flush();
        }
    }
}
