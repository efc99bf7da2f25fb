package org.openamr.server.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.openamr.server.database.DatabaseConnection;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Connections for the health checks, opened beside the pool rather than taken from it: a check must answer
 * within seconds whether the database is there, not wait the pool's connection timeout, and it must tell a
 * database that is gone from a pool that is merely busy.
 */
final class DatabaseProbe {

    /** pgjdbc's connect and socket timeouts, in seconds. */
    static final int CONNECT_TIMEOUT_SECONDS = 3;
    static final int SOCKET_TIMEOUT_SECONDS = 10;

    private final String shownUrl;
    private final DataSource dataSource;

    DatabaseProbe(DatabaseConnection connection) {
        this.shownUrl = connection.shownUrl();
        Properties properties = new Properties();
        properties.setProperty("user", connection.user());
        properties.setProperty("password", connection.password() == null ? "" : connection.password());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "openamr-health");
        this.dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), connection.url(), properties);
    }

    /** For the health details, which administrators read: without a password written into it. */
    String url() {
        return shownUrl;
    }

    /** A data source whose every connection is new; for Flyway's look at the schema history. */
    DataSource dataSource() {
        return dataSource;
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }
}
