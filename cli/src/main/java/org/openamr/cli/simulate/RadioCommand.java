package org.openamr.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.openamr.cli.Choices;
import org.openamr.simulator.radio.DurationText;
import org.openamr.simulator.radio.RadioFiles;
import org.openamr.simulator.radio.RadioMeter;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;
import org.openamr.simulator.radio.TelegramLineFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openamr simulate radio}: wireless meters sending encrypted telegrams to files or a TCP port. */
@Command(name = "radio", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Virtual heat and water meters that send encrypted wireless M-Bus telegrams (OMS security modes"
                + " 5 and 7): a simulated period written at once to a replay file with the keys and the truth of every"
                + " telegram, or sent live to TCP clients, to test receivers and 'openamr listen' without hardware.",
                "Виртуальные счётчики тепла и воды, передающие зашифрованные телеграммы беспроводной M-Bus (режимы"
                + " безопасности OMS 5 и 7): моделируемый период сразу в файл воспроизведения с ключами и эталонными"
                + " значениями каждой телеграммы, или в реальном времени клиентам TCP, чтобы проверять приёмники и"
                + " 'openamr listen' без оборудования."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:files written, or stopped after --duration or the --period",
                "2:usage error, a file that cannot be written or a port in use",
                "130/143:stopped by Ctrl-C / SIGTERM (statistics are printed first)"})
public final class RadioCommand implements Callable<Integer> {

    static final int DEFAULT_METERS = 20;
    static final Duration DEFAULT_FILE_PERIOD = Duration.ofHours(1);

    @Option(names = "--meters", paramLabel = "N",
            description = "Wireless meters: heat meters (C1) and water meters (T1), 1-" + RadioSettings.MAX_METERS
                    + " (default ${DEFAULT-VALUE}).")
    int meters = DEFAULT_METERS;

    @Option(names = "--security", paramLabel = "5|7|mixed", converter = Choices.Securities.class,
            defaultValue = "mixed",
            description = "OMS security mode of the meters: 5 (AES-CBC), 7 (AES-CBC with derived keys and a MAC) or"
                    + " mixed, every other meter (default ${DEFAULT-VALUE}).")
    RadioSecurity security;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "How often each meter transmits, e.g. 120s, 15m, 1h (default ${DEFAULT-VALUE}).")
    String interval = "120s";

    @Option(names = "--jitter", paramLabel = "DURATION",
            description = "How far a transmission may fall before or after its regular moment, less than half the"
                    + " interval (default: a tenth of the interval).")
    String jitter;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of everything: meters, ids, keys, levels, consumption (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "First simulated moment, ISO-8601 such as 2026-11-24T10:00:00Z (default: files end now,"
                    + " a live radio starts now).")
    String start;

    @Option(names = "--period", paramLabel = "DURATION",
            description = "Simulated time, e.g. 1h, 30d (default for files 1h; a live radio runs without end).")
    String period;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the telegrams to this replay file: '<instant> <mode> <rssi> <hex, format A>' a line.")
    Path out;

    @Option(names = "--keys-out", paramLabel = "FILE",
            description = "Write the meters' keys for the receiver: '<manufacturer> <id> <key>' a line.")
    Path keysOut;

    @Option(names = "--truth-out", paramLabel = "FILE",
            description = "Write the truth as JSON: per telegram its instant, meter and exact values with units.")
    Path truthOut;

    @Option(names = "--tcp", paramLabel = "PORT",
            description = "Send the telegrams live to every client of this TCP port; 0 picks a free port.")
    Integer tcpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "With --tcp: listen on this address only, e.g. 127.0.0.1 (default: all interfaces).")
    String bind;

    @Option(names = "--format", paramLabel = "rtl-wmbus|replay", converter = Choices.LineFormats.class,
            defaultValue = "rtl-wmbus",
            description = "With --tcp: lines as rtl-wmbus prints them (read by wmbusmeters) or in the replay format"
                    + " (default ${DEFAULT-VALUE}).")
    TelegramLineFormat format;

    @Option(names = "--speed", paramLabel = "X",
            description = "With --tcp: simulated seconds per real second, e.g. 60 (default ${DEFAULT-VALUE}: real"
                    + " time).")
    String speed = "1";

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "With --tcp: stop after this many seconds; 0 runs until Ctrl-C or the end of --period"
                    + " (default ${DEFAULT-VALUE}).")
    long durationSeconds;

    @Option(names = "--list", description = "Print the meters (manufacturer, id, type, mode, security, level) first.")
    boolean list;

    @Spec
    CommandSpec spec;

    /** The clock that says what "now" is; tests set a fixed one. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        boolean live = tcpPort != null;
        checkOutputs(live);
        RadioSettings settings = settings(live);
        LiveRadio radio = null;
        PrintWriter console = spec.commandLine().getOut();
        RadioSource source = new RadioSource(settings);
        if (live) {
            radio = new LiveRadio(console, source, ListenAddress.of(tcpPort, bind), format, speed(), keysOut);
        }
        if (list) {
            printMeters(console, source.meters());
        }
        return live ? radio.run(durationSeconds) : write(console, source);
    }

    private void checkOutputs(boolean live) {
        if (!live && out == null && keysOut == null && truthOut == null) {
            throw new IllegalArgumentException("nothing to write or serve: give --out FILE (with --keys-out FILE and"
                    + " --truth-out FILE) for a simulated period, or --tcp PORT for a live radio");
        }
        if (live && (out != null || truthOut != null)) {
            throw new IllegalArgumentException("--out and --truth-out write a simulated period at once; with --tcp the"
                    + " telegrams go live: run twice, with the same --seed and --start, for both");
        }
        if (!live) {
            liveOnly("--bind", bind != null);
            liveOnly("--duration", durationSeconds != 0);
            liveOnly("--speed", !"1".equals(speed));
            liveOnly("--format", format != TelegramLineFormat.RTL_WMBUS);
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("--duration must be 0 (no limit) or more seconds, got "
                    + durationSeconds);
        }
    }

    private static void liveOnly(String option, boolean given) {
        if (given) {
            throw new IllegalArgumentException(option + " only applies to a live radio; give --tcp PORT as well");
        }
    }

    /** The options checked and turned into settings; a wrong one is an exception naming it. */
    RadioSettings settings(boolean live) {
        if (meters < 1 || meters > RadioSettings.MAX_METERS) {
            throw new IllegalArgumentException("--meters must be 1.." + RadioSettings.MAX_METERS + ", got " + meters);
        }
        Duration every = duration("--interval", interval);
        Duration scatter = jitter == null ? RadioSettings.defaultJitter(every) : duration("--jitter", jitter);
        Duration length = period != null ? duration("--period", period) : live ? null : DEFAULT_FILE_PERIOD;
        Instant first = start != null ? instant(start) : live ? clock.instant().truncatedTo(ChronoUnit.MILLIS)
                : clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(length);
        try {
            return new RadioSettings(seed, meters, security, every, scatter, first, length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--interval/--jitter/--period: " + e.getMessage(), e);
        }
    }

    private int write(PrintWriter console, RadioSource source) throws IOException {
        RadioFiles.Summary s;
        try {
            s = RadioFiles.write(source, out, keysOut, truthOut);
        } catch (FileSystemException e) {
            throw cannotWrite(e);
        }
        console.println("OpenAMR radio simulation: " + source.settings().describe());
        console.println("  telegrams " + s.telegrams() + " (" + s.mode5() + " in mode 5, " + s.mode7() + " in mode 7)"
                + (s.first() == null ? "" : ", " + s.first() + " to " + s.last()));
        printFile(console, "replay", out);
        printFile(console, "keys", keysOut);
        printFile(console, "truth", truthOut);
        console.flush();
        return 0;
    }

    private double speed() {
        double x;
        try {
            x = Double.parseDouble(speed.strip());
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("--speed is simulated seconds per real second, a number above 0 such as"
                    + " 1 or 60; got '" + speed + "'");
        }
        return x;
    }

    /** The file and why, without the exception's class name that a user cannot act on. */
    static IOException cannotWrite(FileSystemException e) {
        String why = e instanceof NoSuchFileException ? "its folder does not exist"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getReason() != null ? e.getReason() : "the file system refused it";
        return new IOException("cannot write " + e.getFile() + ": " + why, e);
    }

    private static Duration duration(String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start is an ISO-8601 instant with its offset, such as"
                    + " 2026-11-24T10:00:00Z or 2026-11-24T13:00:00+03:00; got '" + text + "'", e);
        }
    }

    private static void printFile(PrintWriter console, String what, Path file) {
        if (file != null) {
            console.printf("  %-9s %s%n", what, file);
        }
    }

    private static void printMeters(PrintWriter console, List<RadioMeter> meters) {
        String format = "%5s  %-3s  %-8s  %-26s  %-4s  %-8s  %s%n";
        console.printf(format, "#", "man", "id", "type", "mode", "security", "rssi");
        int n = 1;
        for (RadioMeter m : meters) {
            console.printf(format, n++, m.manufacturer(), m.id(), m.meter().type().displayName(), m.mode(),
                    m.securityMode(), m.rssiDbm() + " dBm");
        }
        console.println();
        console.flush();
    }
}
