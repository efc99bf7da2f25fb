package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.demo.DemoBuilding;
import org.openamr.demo.DemoServerTest;
import org.openamr.server.sql.PageQueries;
import org.openamr.server.support.FormSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo at its full size (60 apartments, 13 months of daily history, a week hourly: some 150 000
 * readings), as {@code openamr demo} seeds it. The meters page once checked access per reading row and
 * took over a minute (the query timeout) for a manager or operator; the bound here is generous, a
 * regression to that fails it. How fast it is, is measured by {@code PagesBenchmark}, not here.
 */
@DemoServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"openamr.demo.enabled=true", "openamr.polling.enabled=false"})
class FullHistoryPagesIT {

    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final List<String> ROLES = List.of("admin", "operator", "manager", "resident");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** As autovacuum would have done on a running server: the planner then knows the reading table's size. */
    @BeforeAll
    void analyze() {
        jdbc.sql("analyze").update();
    }

    @Test
    void theDemoHasItsFullHistory() {
        assertThat(jdbc.sql("select count(*) from reading").query(Long.class).single()).isGreaterThan(100_000L);
        assertThat(jdbc.sql("select count(*) from meter").query(Long.class).single()).isGreaterThan(60L);
    }

    @Test
    void everyRoleGetsTheMetersPageAndTheMeterListWithinAGenerousBound() {
        for (String role : ROLES) {
            FormSession session = new FormSession(port);
            session.login(role, role + "-demo");
            for (String path : List.of("/meters", "/meters?sort=LAST_READING&size=100", "/meters?status=SILENT")) {
                assertFastOk(role, path, () -> session.get(path));
            }
            assertFastOk(role, "/api/v1/meters", () -> session.getApi("/api/v1/meters?size=100"));
        }
    }

    /**
     * The probe's twelve concurrent opens of the meters page took every connection of the pool for a minute,
     * and {@code /api/v1/me} answered 500 meanwhile: now all of them, and the API beside them, answer 200.
     */
    @Test
    void twelveConcurrentMetersPagesLeaveTheApiAnswering() throws Exception {
        List<FormSession> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            FormSession session = new FormSession(port);
            session.login("operator", "operator-demo");
            sessions.add(session);
        }
        FormSession api = new FormSession(port);
        api.login("manager", "manager-demo");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> pages = sessions.stream()
                    .map(session -> pool.submit(() -> session.get("/meters?sort=LAST_READING&size=100"))).toList();
            assertFastOk("manager", "/api/v1/me beside twelve meters pages", () -> api.getApi("/api/v1/me"));
            for (java.util.concurrent.Future<HttpResponse<String>> page : pages) {
                assertThat(page.get(GENEROUS.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).statusCode())
                        .as("operator GET /meters, one of twelve at once").isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The admin's access predicate is plain {@code true}; it was once glued to "order by" as "trueorder by". */
    @Test
    void everyRoleThatSeesThemGetsTheBuildingAndApartmentPages() {
        String building = jdbc.sql("select public_id::text from building where address = ?")
                .param(DemoBuilding.ADDRESS).query(String.class).single();
        String apartment = jdbc.sql("select p.public_id::text from premise p join building b on b.id = p.building_id"
                + " where p.number = '1' and b.address = ?").param(DemoBuilding.ADDRESS).query(String.class).single();
        for (String role : List.of("admin", "operator", "manager")) {
            FormSession session = new FormSession(port);
            session.login(role, role + "-demo");
            assertFastOk(role, "/buildings/" + building, () -> session.get("/buildings/" + building));
            assertFastOk(role, "/apartments/" + apartment, () -> session.get("/apartments/" + apartment));
        }
        FormSession resident = new FormSession(port);
        resident.login("resident", "resident-demo");
        String own = jdbc.sql("select p.public_id::text from app_user u join premise p on p.id = u.premise_id"
                + " where u.username = 'resident'").query(String.class).single();
        assertFastOk("resident", "/apartments/" + own, () -> resident.get("/apartments/" + own));
    }

    /** A page's query that runs too long is stopped by the database, not left holding a connection. */
    @Test
    void aPageQueryThatRunsOutOfTimeIsCancelled() {
        JdbcClient pages = new PageQueries(dataSource, Duration.ofSeconds(1)).jdbc();
        assertThatThrownBy(() -> pages.sql("select pg_sleep(30)").query().singleValue())
                .isInstanceOf(QueryTimeoutException.class);
    }

    /**
     * A page whose query waits longer than openamr.web.page-query-timeout (5 s; here on a lock another
     * connection holds on the readings) answers 503 with the "too slow" page, not a 500 after a minute.
     */
    @Test
    void aPageWhoseQueryRunsOutOfTimeSaysSo() throws Exception {
        FormSession session = new FormSession(port);
        session.login("manager", "manager-demo");
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("lock table reading in access exclusive mode");
            }
            long start = System.nanoTime();
            HttpResponse<String> page = session.get("/meters");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            lock.rollback();
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("id=\"too-slow\"").doesNotContain("Exception");
            assertThat(took).as("stopped at the page's timeout, not the jobs' minute").isLessThan(Duration.ofSeconds(30));
        }
        assertThat(session.get("/meters").statusCode()).as("the lock released").isEqualTo(200);
    }

    private static void assertFastOk(String role, String path, java.util.function.Supplier<HttpResponse<String>> get) {
        long start = System.nanoTime();
        HttpResponse<String> response = get.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(role + " GET " + path).isEqualTo(200);
        assertThat(took).as(role + " GET " + path + " (a minute when access was checked per reading)")
                .isLessThan(GENEROUS);
    }
}
