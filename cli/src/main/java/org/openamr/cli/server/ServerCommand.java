package org.openamr.cli.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openamr server}: the head-end server alone. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the OpenAMR head-end server (REST API, polling, concentrator ingest) until Ctrl-C."
                + " Without --db-url (or SPRING_DATASOURCE_URL) it runs on an embedded PostgreSQL whose data"
                + " stays in <data-dir>/pgdata.",
                "Запустить сервер OpenAMR (REST API, опрос, приём от концентраторов) до Ctrl-C. Без --db-url"
                + " (или SPRING_DATASOURCE_URL) работает на встроенной PostgreSQL, данные хранятся в"
                + " <data-dir>/pgdata."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:could not start (port in use, database unreachable, bad option)",
                "130/143:stopped by Ctrl-C / SIGTERM"})
public final class ServerCommand implements Callable<Integer> {

    /** Null: {@code server.port} of the configuration (e.g. the package's server.conf), else 8080. */
    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: server.port of the configuration, else 8080).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded database (pgdata/) and the server's key live (default ~/.openamr).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "An external PostgreSQL, e.g. jdbc:postgresql://localhost:5432/openamr"
                    + " (or SPRING_DATASOURCE_URL).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Its user (or SPRING_DATASOURCE_USERNAME).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Its password (or SPRING_DATASOURCE_PASSWORD, which other users cannot see in ps).")
    String dbPassword;

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "The log on standard output: lines of text (default), or one JSON object per event"
                    + " (Elastic Common Schema) for a log collector.")
    LogFormat logFormat = LogFormat.TEXT;

    @Override
    public Integer call() throws InterruptedException {
        if ((dbUser != null || dbPassword != null) && dbUrl == null && System.getenv("SPRING_DATASOURCE_URL") == null) {
            throw new IllegalArgumentException("--db-user and --db-password need --db-url (or SPRING_DATASOURCE_URL):"
                    + " without it the server runs on its embedded database");
        }
        ServerRun run = new ServerRun().port(port).dataDir(dataDir).logFormat(logFormat);
        if (dbUrl != null) {
            run.set("spring.datasource.url", dbUrl);
        }
        if (dbUser != null) {
            run.set("spring.datasource.username", dbUser);
        }
        if (dbPassword != null) {
            run.set("spring.datasource.password", dbPassword);
        }
        run.runUntilStopped();
        return 0;
    }
}
