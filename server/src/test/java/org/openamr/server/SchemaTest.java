package org.openamr.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServerTest
class SchemaTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsCreateTheRegistryAndThePartitionedReadings() {
        assertThat(jdbc.sql("select relkind from pg_class where relname = 'reading'").query(String.class).single())
                .isEqualTo("p");
        long id = jdbc.sql("insert into organisation (kind, name) values ('MANAGEMENT', 'УК Тест') returning id")
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'organisation' and action = 'INSERT'"
                + " and entity_id = ?").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1L);
    }
}
