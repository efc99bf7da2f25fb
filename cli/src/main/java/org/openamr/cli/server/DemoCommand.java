package org.openamr.cli.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openamr.demo.OpenAmrDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openamr demo}: the server with a virtual building, its history and one account per role. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the server with a demo building on a virtual M-Bus: 60 apartments with heat and water"
                + " meters, two house meters, 13 months of history, polled every minute, and one account per role"
                + " (printed at start with passwords and API tokens); beside it a radio building whose wireless meters"
                + " an on-site collector hears and pushes to the server. Nothing to install: the database is embedded"
                + " and kept in <data-dir>/pgdata, so a restart continues the same history. Listens on localhost"
                + " only; demo passwords are fixed, so this is not for production. Runs until Ctrl-C.",
                "Сервер с демонстрационным домом на виртуальной шине M-Bus: 60 квартир со счётчиками тепла и воды,"
                + " два общедомовых счётчика, история за 13 месяцев, опрос каждую минуту и по одной учётной записи"
                + " на роль (пароли и API-токены печатаются при запуске); рядом дом с радиосчётчиками, которые"
                + " слышит и передаёт на сервер концентратор на объекте. Ничего не нужно устанавливать: база"
                + " встроенная и хранится в <data-dir>/pgdata, после перезапуска история продолжается. Доступен"
                + " только с localhost; пароли демо постоянные, не для эксплуатации. Работает до Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:could not start (port in use, data directory in use, bad option)",
                "130/143:stopped by Ctrl-C / SIGTERM"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded database (pgdata/) lives (default ~/.openamr).")
    Path dataDir;

    @Option(names = "--radio-meters", paramLabel = "N",
            description = "Radio meters of the second building, heard by the demo's collector (default 40; 0: no"
                    + " radio building and no collector).")
    int radioMeters = 40;

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "The log on standard output: lines of text (default), or one JSON object per event"
                    + " (Elastic Common Schema) for a log collector; the banner then goes to standard error.")
    LogFormat logFormat = LogFormat.TEXT;

    @Override
    public Integer call() throws InterruptedException {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        if (external != null && !external.isBlank()) {
            // the demo seeds accounts with printed passwords: never into a real database
            throw new IllegalStateException("the demo runs on its own embedded database, but SPRING_DATASOURCE_URL is"
                    + " set (" + external + "); unset it to run the demo, or use openamr server for that database");
        }
        new ServerRun(OpenAmrDemo.class).port(port).dataDir(dataDir).logFormat(logFormat)
                .set("openamr.demo.enabled", true)
                .set("openamr.demo.radio-meters", radioMeters)
                // fixed, printed passwords: reachable from this machine only
                .set("server.address", "127.0.0.1")
                // the banner is the demo's output; warnings and errors still show
                .byDefault("logging.level.root", "WARN")
                // springdoc warns that its UI is on, which is what a demo wants
                .byDefault("logging.level.org.springdoc", "ERROR")
                .runUntilStopped();
        return 0;
    }
}
