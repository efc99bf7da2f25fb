package org.openamr.server.sql;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connection for queries that build a web page: the same pool, but a statement timeout of a few
 * seconds ({@code openamr.web.page-query-timeout}) instead of the minute a job's query may take. A page
 * that someone waits for answers fast or says that it could not (a {@code QueryTimeoutException}, shown
 * as the "too slow" page), and never holds a pooled connection for a minute while the user reloads.
 *
 * <p>Not a {@link JdbcClient} bean on purpose: a second one would replace Spring Boot's default.
 */
@Component
public class PageQueries {

    private final JdbcClient jdbc;

    @Autowired
    public PageQueries(DataSource dataSource, @Value("${openamr.web.page-query-timeout:5s}") Duration timeout) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // JDBC counts whole seconds; anything shorter would mean no timeout at all
        template.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        this.jdbc = JdbcClient.create(template);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
