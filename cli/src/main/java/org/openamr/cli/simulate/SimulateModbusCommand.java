package org.openamr.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openamr.cli.modbus.MapChoice;
import org.openamr.modbus.UnitIds;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.simulator.JsonText;
import org.openamr.simulator.modbus.CharacterFormat;
import org.openamr.simulator.modbus.ModbusBusStats;
import org.openamr.simulator.modbus.RtuTiming;
import org.openamr.simulator.modbus.UnitFault;
import org.openamr.simulator.modbus.UnitTruth;
import org.openamr.simulator.modbus.VirtualModbusBus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openamr simulate modbus}: virtual heat meters with Modbus modules, as slaves on TCP or an RTU line. */
@Command(name = "modbus", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve virtual heat meters with Modbus modules as up to 247 slaves: Modbus TCP, RTU frames over"
                + " TCP (a serial device server) and/or RTU on a pseudo-terminal at the speed of the line, to run"
                + " 'openamr modbus scan' and 'read' without hardware. Their values come from the same model as the"
                + " virtual M-Bus meters. Runs until Ctrl-C or --duration.",
                "Виртуальные теплосчётчики с модулями Modbus, до 247 ведомых: Modbus TCP, кадры RTU поверх TCP"
                + " (преобразователь интерфейсов) и/или RTU через псевдотерминал со скоростью линии, чтобы выполнять"
                + " 'openamr modbus scan' и 'read' без оборудования. Показания — из той же модели, что у виртуальных"
                + " счётчиков M-Bus. Работает до Ctrl-C или --duration."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped after --duration",
                "2:usage error, port in use, a map that cannot be read, socat missing or pseudo-terminal failed",
                "130/143:stopped by Ctrl-C / SIGTERM (statistics are printed first)"})
public final class SimulateModbusCommand implements Callable<Integer> {

    /** Where {@code --pty} without a path puts the pseudo-terminal. */
    public static final String DEFAULT_PTY = "/tmp/ttyMODBUS0";
    static final int DEFAULT_UNITS = 20;

    @Option(names = "--units", paramLabel = "N",
            description = "Units 1..N, N 1-" + UnitIds.LAST + " (default " + DEFAULT_UNITS + ").")
    Integer units;

    @Option(names = "--unit-ids", paramLabel = "LIST",
            description = "These unit ids instead of 1..N, e.g. 1-10,17,200-247.")
    String unitIds;

    @Option(names = "--tcp", paramLabel = "PORT",
            description = "Serve Modbus TCP on this port (502 is the standard one); 0 picks a free port and prints it.")
    Integer tcpPort;

    @Option(names = "--rtu-tcp", paramLabel = "PORT",
            description = "Serve RTU frames over TCP on this port, like a serial device server in front of the line.")
    Integer rtuTcpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Listen on this address only, e.g. 127.0.0.1 (default: all interfaces).")
    String bind;

    @Option(names = "--pty", paramLabel = "PATH", arity = "0..1", fallbackValue = SimulateModbusCommand.DEFAULT_PTY,
            description = "Serve RTU on a pseudo-terminal (needs socat) that masters open as a serial port at PATH"
                    + " (default ${FALLBACK-VALUE}).")
    Path pty;

    @Option(names = "--baud", paramLabel = "BAUD",
            description = "Speed of the RTU line the replies are paced at (default ${DEFAULT-VALUE}).")
    int baud = 9600;

    @Option(names = "--format", paramLabel = "8E1",
            description = "Character format of the RTU line: 8E1, 8O1, 8N2 or 8N1 (default ${DEFAULT-VALUE}).")
    String format = "8E1";

    @Option(names = "--unpaced", description = "Answer RTU requests at once instead of at the speed of the line.")
    boolean unpaced;

    @Option(names = "--map", paramLabel = "NAME|FILE",
            description = "Register map the units serve: a map's name (built-in or from --maps) or a .map file"
                    + " (default ${DEFAULT-VALUE}, the Danfoss SonoSafe 10's).")
    String map = MapChoice.DEFAULT;

    @Option(names = "--maps", paramLabel = "DIR", description = "Directory of *.map files, replacing built-in maps of"
            + " the same name.")
    Path mapsDir;

    @Option(names = "--fault", paramLabel = "UNIT:KIND[:ARG]",
            description = "A unit that misbehaves on every request, repeatable: no-answer, crc (RTU: a bad CRC; TCP: a"
                    + " malformed reply), exception:CODE (hex, e.g. 04), slow:DURATION (e.g. 300ms), as:UNIT (answers"
                    + " with another unit id). E.g. --fault 3:no-answer --fault 5:slow:2s.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the meters' ids and consumption (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Stop the meters' clock at this moment, ISO-8601 such as 2026-01-15T09:00:00Z: every read"
                    + " then gives the same values, which --truth-out writes (default: the values move with time).")
    String at;

    @Option(names = "--truth-out", paramLabel = "FILE",
            description = "Write every unit's values as JSON: those served all along with --at, else those at start.")
    Path truthOut;

    @Option(names = "--list", description = "Print the units (unit id, meter id, type, fault) at start.")
    boolean list;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds; 0 runs until Ctrl-C (default ${DEFAULT-VALUE}).")
    long durationSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModbusSimulationSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        UntilStopped.serve("openamr-simulate-modbus-shutdown", durationSeconds, () -> ModbusSimulation.start(settings),
                sim -> {
                    Instant start = settings.clock().instant();
                    if (truthOut != null) {
                        writeTruth(sim, start);
                    }
                    if (list) {
                        printUnits(out, sim.bus(), start);
                    }
                    printSummary(out, sim);
                }, sim -> printStats(out, sim));
        return 0;
    }

    /** The options checked and turned into settings; a wrong one is an exception naming it. */
    ModbusSimulationSettings settings() {
        if (tcpPort == null && rtuTcpPort == null && pty == null) {
            throw new IllegalArgumentException("nothing to serve on: give --tcp PORT (Modbus TCP, e.g. --tcp 5020, or 0"
                    + " for a free port), --rtu-tcp PORT, --pty [PATH], or several");
        }
        if (bind != null && tcpPort == null && rtuTcpPort == null) {
            throw new IllegalArgumentException("--bind only applies to --tcp and --rtu-tcp; give a port as well");
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("--duration must be 0 (run until Ctrl-C) or more seconds, got "
                    + durationSeconds);
        }
        List<Integer> ids = unitIds();
        CharacterFormat characters;
        try {
            characters = CharacterFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: " + e.getMessage(), e);
        }
        try {
            RtuTiming.paced(baud, characters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--baud: " + e.getMessage(), e);
        }
        RegisterMap registerMap = MapChoice.resolve(map, mapsDir);
        Map<Integer, UnitFault> unitFaults = faults(ids);
        Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(instant(at), ZoneOffset.UTC);
        ModbusSimulationSettings s = new ModbusSimulationSettings(ids, seed, registerMap, unitFaults, baud, characters,
                !unpaced, tcpPort == null ? null : ListenAddress.of("--tcp", tcpPort, bind),
                rtuTcpPort == null ? null : ListenAddress.of("--rtu-tcp", rtuTcpPort, bind), pty, clock);
        try {
            s.newBus(); // a map in units the meters cannot give is refused before anything listens
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--map: " + e.getMessage(), e);
        }
        return s;
    }

    private List<Integer> unitIds() {
        if (unitIds != null && units != null) {
            throw new IllegalArgumentException("give --units N or --unit-ids LIST, not both");
        }
        if (unitIds == null) {
            int n = units == null ? DEFAULT_UNITS : units;
            if (n < UnitIds.FIRST || n > UnitIds.LAST) {
                throw new IllegalArgumentException("--units must be 1.." + UnitIds.LAST + ", got " + n);
            }
            List<Integer> ids = new ArrayList<>();
            for (int u = 1; u <= n; u++) {
                ids.add(u);
            }
            return ids;
        }
        TreeSet<Integer> ids = new TreeSet<>();
        for (String part : unitIds.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            int from = unitId(dash < 0 ? p : p.substring(0, dash));
            int to = dash < 0 ? from : unitId(p.substring(dash + 1));
            if (to < from) {
                throw new IllegalArgumentException("--unit-ids: the range '" + p + "' runs backwards");
            }
            for (int u = from; u <= to; u++) {
                ids.add(u);
            }
        }
        return List.copyOf(ids);
    }

    private int unitId(String text) {
        try {
            int id = Integer.parseInt(text.strip());
            if (UnitIds.valid(id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException("--unit-ids is a list of unit ids 1.." + UnitIds.LAST
                + " and ranges, e.g. 1-10,17; '" + text.strip() + "' in '" + unitIds + "' is not one");
    }

    private Map<Integer, UnitFault> faults(List<Integer> ids) {
        Map<Integer, UnitFault> out = new LinkedHashMap<>();
        for (String f : faults) {
            int colon = f.indexOf(':');
            String unitText = colon < 0 ? f : f.substring(0, colon);
            int unit;
            try {
                unit = Integer.parseInt(unitText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--fault is UNIT:KIND[:ARG], e.g. 3:no-answer or 5:slow:300ms; got '"
                        + f + "'", e);
            }
            if (!ids.contains(unit)) {
                throw new IllegalArgumentException("--fault " + f + ": there is no unit " + unit + "; the units are "
                        + VirtualModbusBus.describe(ids));
            }
            if (colon < 0) {
                throw new IllegalArgumentException("--fault " + f + ": say what unit " + unit + " does, e.g. " + unit
                        + ":no-answer");
            }
            UnitFault fault;
            try {
                fault = UnitFault.parse(f.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--fault " + f + ": " + e.getMessage(), e);
            }
            if (out.put(unit, fault) != null) {
                throw new IllegalArgumentException("--fault: unit " + unit + " is given two faults; a unit has one");
            }
        }
        return out;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at is an ISO-8601 instant with its offset, such as"
                    + " 2026-01-15T09:00:00Z or 2026-01-15T12:00:00+03:00; got '" + text + "'", e);
        }
    }

    private void writeTruth(ModbusSimulation sim, Instant start) throws IOException {
        ModbusSimulationSettings s = sim.settings();
        Map<String, String> written = new LinkedHashMap<>();
        written.put("seed", Long.toString(s.seed()));
        written.put("units", JsonText.string(VirtualModbusBus.describe(s.unitIds())));
        written.put("clock", JsonText.string(at == null ? "real time" : "fixed"));
        try (Writer w = Files.newBufferedWriter(truthOut, StandardCharsets.UTF_8)) {
            sim.bus().truth().writeJson(w, start, written);
        } catch (FileSystemException e) {
            throw RadioCommand.cannotWrite(e);
        }
    }

    private static void printUnits(PrintWriter out, VirtualModbusBus bus, Instant at) {
        String format = "%5s  %-8s  %-20s  %s%n";
        out.printf(format, "unit", "meter", "type", "fault");
        for (UnitTruth u : bus.truth().units(at)) {
            out.printf(format, u.unit(), u.meterId(), u.type().displayName(),
                    bus.fault(u.unit()).map(UnitFault::describe).orElse("-"));
        }
        out.println();
        out.flush();
    }

    private void printSummary(PrintWriter out, ModbusSimulation sim) {
        ModbusSimulationSettings s = sim.settings();
        VirtualModbusBus bus = sim.bus();
        out.println("OpenAMR virtual Modbus bus");
        sim.tcpAddress().ifPresent(a -> out.println("  tcp       " + ListenAddress.text(a) + " (Modbus TCP)"));
        sim.rtuTcpAddress().ifPresent(a -> out.println("  rtu-tcp   " + ListenAddress.text(a).replaceFirst("^tcp",
                "rtu+tcp") + " (RTU frames over TCP)"));
        sim.ptyPath().ifPresent(p -> out.println("  pty       " + p + " (open it as a serial port)"));
        if (sim.rtuTcpAddress().isPresent() || sim.ptyPath().isPresent()) {
            out.println("  line      " + s.timing().describe() + ", " + (s.paced()
                    ? "paced like the line (" + s.format().bitsPerCharacter() + " bits a character)"
                    : "unpaced (replies at once)"));
        }
        out.println("  units     " + s.unitIds().size() + " (unit ids " + VirtualModbusBus.describe(s.unitIds()) + "), "
                + VirtualModbusBus.DEFAULT_METER_TYPE.displayName() + " with a Modbus module");
        RegisterMap m = bus.map();
        out.println("  map       " + m.name() + " (" + m.source() + (m.isUnverified() ? ", unverified" : "") + ")");
        Map<Integer, UnitFault> f = bus.faults();
        out.println("  faults    " + (f.isEmpty() ? "none" : f.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "unit " + e.getKey() + " " + e.getValue().describe()).collect(Collectors.joining("; "))));
        out.println("  clock     " + (at == null ? "real time" : "fixed at " + s.clock().instant()
                + " (every read gives the same values)"));
        out.println("  seed      " + s.seed());
        if (truthOut != null) {
            out.println("  truth     " + truthOut);
        }
        out.println("Try:");
        String channel = shellWord(sim.localChannels().get(0));
        out.println("  openamr modbus scan " + channel);
        out.println("  openamr modbus read " + channel + " " + s.unitIds().get(0));
        out.println(durationSeconds > 0 ? "Stops after " + durationSeconds + " s (or Ctrl-C)." : "Stop with Ctrl-C.");
        out.flush();
    }

    /** The text quoted where a shell would read it otherwise ({@code ?} and {@code &} of an rtu: address). */
    private static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./:+@-]+") ? text : "'" + text + "'";
    }

    private static void printStats(PrintWriter out, ModbusSimulation sim) {
        ModbusBusStats st = sim.bus().stats();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(sim.uptimeNanos());
        out.println("Stopped after " + String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                + ". Bus statistics:");
        out.println("  requests  " + st.requests() + ", " + st.unanswered() + " unanswered (absent units, broadcasts,"
                + " silent units)");
        out.println("  replies   " + st.replies() + ", " + st.exceptions() + " exceptions, " + st.faulted()
                + " changed by faults");
        out.println("  dropped   " + st.droppedFrames() + " frames (bad CRC, fragments, other protocols)");
        if (sim.tcpAddress().isPresent() || sim.rtuTcpAddress().isPresent()) {
            out.println("  clients   " + sim.tcpClients() + " TCP connections");
        }
        out.flush();
    }
}
