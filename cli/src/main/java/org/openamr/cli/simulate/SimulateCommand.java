package org.openamr.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openamr.cli.Choices;
import org.openamr.mbus.app.CiField;
import org.openamr.mbus.link.Address;
import org.openamr.simulator.bus.BusStats;
import org.openamr.simulator.bus.DemoSegment;
import org.openamr.simulator.bus.Faults;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.bus.MeterInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openamr simulate}: a virtual M-Bus segment to scan and read without hardware. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {RadioCommand.class, SimulateModbusCommand.class},
        description = {"Serve a virtual wired M-Bus segment (heat and water meters) over TCP and/or a pseudo-terminal,"
                + " to run scan and read without hardware. Runs until Ctrl-C or --duration.",
                "Виртуальный сегмент проводной шины M-Bus (счётчики тепла и воды) по TCP и/или через псевдотерминал,"
                + " чтобы выполнять scan и read без оборудования. Работает до Ctrl-C или --duration."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped after --duration",
                "2:usage error, port in use, socat missing or pseudo-terminal failed",
                "130/143:stopped by Ctrl-C / SIGTERM (statistics are printed first)"})
public final class SimulateCommand implements Callable<Integer> {

    /** Where {@code --pty} without a path puts the pseudo-terminal. */
    public static final String DEFAULT_PTY = "/tmp/ttyMBUS0";

    @Option(names = "--meters", paramLabel = "N",
            description = "Meters on the segment, 1-" + DemoSegment.MAX_METERS + "; primary addresses "
                    + Address.MIN_CONFIGURED + "-" + Address.MAX_PRIMARY + ", 0 beyond"
                    + " (default ${DEFAULT-VALUE}).")
    int meters = SimulationSettings.DEFAULT_METERS;

    @Option(names = "--tcp", paramLabel = "PORT",
            description = "Listen on this TCP port like a serial gateway; 0 picks a free port and prints it.")
    Integer tcpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Listen on this address only, e.g. 127.0.0.1 (default: all interfaces).")
    String bind;

    @Option(names = "--pty", paramLabel = "PATH", arity = "0..1", fallbackValue = SimulateCommand.DEFAULT_PTY,
            description = "Serve a pseudo-terminal (needs socat) that masters open as a serial port at PATH"
                    + " (default ${FALLBACK-VALUE}).")
    Path pty;

    @Option(names = "--baud", paramLabel = "BAUD",
            description = "Rate of the meters and of the pacing: 300, 600, 1200, 2400, 4800, 9600, 19200 or 38400"
                    + " (default ${DEFAULT-VALUE}).")
    int baud = 2400;

    @Option(names = "--unpaced", description = "Answer at once instead of at the speed of the line (fast tests).")
    boolean unpaced;

    @Option(names = "--faults", paramLabel = "P",
            description = "Share of replies lost, corrupted or late, 0-1, split equally (default ${DEFAULT-VALUE}).")
    String faults = "0";

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of everything random: meters, ids, consumption, faults (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--ids", paramLabel = "random|consecutive", converter = Choices.IdSchemes.class,
            defaultValue = "random",
            description = "Meter ids: unrelated random numbers, or consecutive serials per meter kind as from one"
                    + " delivery (default ${DEFAULT-VALUE}).")
    IdScheme ids;

    @Option(names = "--list", description = "Print the meters (primary address, secondary address, type) at start.")
    boolean list;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds; 0 runs until Ctrl-C (default ${DEFAULT-VALUE}).")
    long durationSeconds;

    @Spec
    CommandSpec spec;

    /** The meters' clock; tests set a fixed one to compare readings exactly. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        SimulationSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        UntilStopped.serve("openamr-simulate-shutdown", durationSeconds, () -> Simulation.start(settings), sim -> {
            if (list) {
                printMeters(out, sim.bus().truth().meters());
            }
            printSummary(out, sim);
        }, sim -> printStats(out, sim));
        return 0;
    }

    /** The options checked and turned into settings; a wrong one is an exception naming it. */
    SimulationSettings settings() {
        if (tcpPort == null && pty == null) {
            throw new IllegalArgumentException("nothing to serve on: give --tcp PORT (e.g. --tcp 10001, or 0 for a free"
                    + " port), --pty [PATH], or both; 'openamr simulate radio' simulates wireless meters,"
                    + " 'openamr simulate modbus' Modbus slaves");
        }
        if (meters < 1 || meters > DemoSegment.MAX_METERS) {
            throw new IllegalArgumentException("--meters must be 1.." + DemoSegment.MAX_METERS + ", got " + meters);
        }
        InetSocketAddress tcp = tcpAddress();
        if (bind != null && tcpPort == null) {
            throw new IllegalArgumentException("--bind only applies to --tcp; give --tcp PORT as well");
        }
        try {
            CiField.baudRateCi(baud);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--baud: " + e.getMessage(), e);
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("--duration must be 0 (run until Ctrl-C) or more seconds, got "
                    + durationSeconds);
        }
        return new SimulationSettings(meters, ids, seed, faults(), baud, !unpaced, tcp, pty, clock);
    }

    private Faults faults() {
        double p;
        try {
            p = Double.parseDouble(faults.trim());
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("--faults is the share of replies lost, corrupted or late, a number"
                    + " 0..1 such as 0.05; got '" + faults + "'");
        }
        return p == 0 ? Faults.none() : Faults.of(p);
    }

    private InetSocketAddress tcpAddress() {
        return tcpPort == null ? null : ListenAddress.of(tcpPort, bind);
    }

    private static void printMeters(PrintWriter out, List<MeterInfo> meters) {
        String format = "%5s  %-7s  %-16s  %s%n";
        out.printf(format, "#", "primary", "secondary", "type");
        int n = 1;
        for (MeterInfo m : meters) {
            out.printf(format, n++, m.primaryAddress(), m.secondaryAddress(), m.type().displayName());
        }
        out.println();
        out.flush();
    }

    private void printSummary(PrintWriter out, Simulation sim) {
        SimulationSettings s = sim.settings();
        out.println("OpenAMR virtual M-Bus segment");
        sim.tcpAddress().ifPresent(a -> out.println("  tcp       " + ListenAddress.text(a)));
        sim.ptyPath().ifPresent(p -> out.println("  pty       " + p + " (open it as a serial port)"));
        out.println("  meters    " + s.meters() + (s.meters() > Address.MAX_PRIMARY
                ? " (primary addresses " + Address.MIN_CONFIGURED + "-" + Address.MAX_PRIMARY + ", 0 beyond)"
                : s.meters() == 1 ? " (primary address 1)" : " (primary addresses 1-" + s.meters() + ")")
                + ", ids " + s.ids().name().toLowerCase(Locale.ROOT));
        out.println("  timing    " + s.baud() + " Bd, " + (s.paced() ? "paced like the line (11 bits a character)"
                : "unpaced (replies at once)"));
        Faults f = s.faults();
        out.println("  faults    " + (f.any() ? percent(f.total()) + " of replies (lost, corrupted, late: "
                + percent(f.lost()) + " each)" : "none"));
        out.println("  seed      " + s.seed());
        String channel = sim.localChannel();
        String rate = s.baud() != 2400 ? " --baud " + s.baud() : "";
        out.println("Try:");
        out.println("  openamr scan " + channel + rate);
        out.println("  openamr read " + channel + " 1" + rate);
        out.println(durationSeconds > 0 ? "Stops after " + durationSeconds + " s (or Ctrl-C)." : "Stop with Ctrl-C.");
        out.flush();
    }

    private static void printStats(PrintWriter out, Simulation sim) {
        BusStats st = sim.stats();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(sim.uptimeNanos());
        out.println("Stopped after " + String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                + ". Bus statistics:");
        out.println("  frames    " + st.frames() + " from the master, " + st.unanswered() + " unanswered");
        out.println("  replies   " + st.replies() + ", " + st.collisions() + " collisions");
        out.println("  faults    " + st.lost() + " lost, " + st.corrupted() + " corrupted, " + st.late() + " late");
        if (sim.tcpAddress().isPresent()) {
            out.println("  clients   " + sim.tcpClients() + " TCP connections");
        }
        out.flush();
    }

    private static String percent(double p) {
        return new java.math.BigDecimal(Double.toString(p * 100)).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " %";
    }
}
