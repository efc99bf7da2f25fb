package org.openamr.cli.collect;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openamr.cli.output.Language;
import org.openamr.collector.Collector;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.ConfigException;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.config.ConfigProblem;
import org.openamr.collector.delivery.OutputTypes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openamr collect}: the on-site data concentrator, or a check of its configuration. */
@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the collector: read wired M-Bus buses on their schedules and listen to wireless meters,"
                + " keep every telegram and readout in a local store, deliver them to the configured outputs."
                + " Stops cleanly on SIGTERM or Ctrl-C.",
                "Сборщик данных (концентратор): опрос проводных шин M-Bus по расписанию и приём беспроводных"
                + " счётчиков, хранение всех телеграмм и показаний, доставка на настроенные выходы."
                + " Корректно останавливается по SIGTERM или Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is valid (--check), or the collector stopped cleanly",
                "1:the configuration has mistakes (each is printed with its line and column)",
                "2:usage error, or the file or the store cannot be opened"})
public final class CollectCommand implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--config", paramLabel = "FILE", required = true, description = "Run with this configuration (YAML).")
        Path config;

        @Option(names = "--check", paramLabel = "FILE", required = true,
                description = "Only check this configuration: every mistake with its line and column.")
        Path check;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--lang", paramLabel = "en|ru", description = "Language of the messages (default: from the system locale).")
    Language lang = Language.ofSystem();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean ru = lang.russian();
        Path file = mode.check != null ? mode.check : mode.config;
        CollectorSettings settings;
        try {
            settings = new ConfigLoader(OutputTypes.builtIn()).load(file);
        } catch (NoSuchFileException e) {
            err.println("openamr collect: " + (ru ? "нет файла " : "no such file ") + file);
            return 2;
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(file + ": " + p.message(ru));
            }
            err.println("openamr collect: " + e.problems().size() + (ru ? " ошибк(и) в конфигурации" : " mistake(s) in the configuration"));
            return 1;
        }
        if (mode.check != null) {
            out.println(ru ? file + ": конфигурация верна: сборщик " + settings.id() + ", входов " + settings.inputs().size()
                    + ", выходов " + settings.outputs().size()
                    : file + ": the configuration is valid: collector " + settings.id() + ", " + settings.inputs().size()
                    + " inputs, " + settings.outputs().size() + " outputs");
            out.flush();
            return 0;
        }
        return run(settings);
    }

    /** Until SIGTERM or Ctrl-C: the shutdown hook stops inputs, lets deliveries finish and closes the store. */
    private int run(CollectorSettings settings) throws IOException, SQLException, InterruptedException {
        Clock clock = Clock.systemUTC();
        Collector collector = Collector.open(settings, OutputTypes.builtIn(), clock, EventLog.to(System.err, clock));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            collector.stop();
            stopped.countDown();
        }, "openamr-collect-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        collector.start();
        stopped.await();
        return 0;
    }
}
