package org.openamr.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.server.security.AccessScope;

class SqlTest {

    /** The admin's 500: "… and " + "true" + "order by …" read "and trueorder by". */
    @Test
    void aPredicateFormattedIntoAQueryKeepsItsSpaces() {
        Sql query = Sql.format("select 1 from premise p where p.building_id = :b and %s"
                + "order by p.number", new AccessScope.Everything("admin").visible("p.building_id", "p.id"));
        assertThat(query.text()).isEqualTo("select 1 from premise p where p.building_id = :b and  (true) order by p.number");
    }

    @Test
    void andOrPutEachSideInParenthesesAndMergeParameters() {
        Sql a = Sql.of("x = :x or y = 1").param("x", 1);
        Sql b = Sql.of("z = :z").param("z", 2);
        assertThat(a.and(b).text()).isEqualTo("(x = :x or y = 1) and (z = :z)");
        assertThat(a.or(b).text()).isEqualTo("(x = :x or y = 1) or (z = :z)");
        assertThat(a.and(b).params()).isEqualTo(Map.of("x", 1, "z", 2));
    }

    @Test
    void trueAndFalseDropOutOrDecide() {
        Sql a = Sql.of("x = 1");
        assertThat(Sql.TRUE.and(a)).isEqualTo(a);
        assertThat(a.and(Sql.FALSE)).isEqualTo(Sql.FALSE);
        assertThat(Sql.FALSE.or(a)).isEqualTo(a);
        assertThat(a.or(Sql.TRUE)).isEqualTo(Sql.TRUE);
    }

    @Test
    void oneParameterBoundToTwoValuesIsAnError() {
        Sql manager = new AccessScope.ManagementCompany("m", 1).visible("b.id", null);
        Sql other = new AccessScope.ManagementCompany("m", 2).visible("b.id", null);
        assertThat(manager.and(manager).params()).isEqualTo(Map.of("scope_org", 1L));
        assertThatThrownBy(() -> manager.and(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":scope_org");
    }

    /** Glued into a string by mistake it is not SQL, so the mistake fails on its first run for every role. */
    @Test
    void aFragmentGluedIntoAStringIsNotSql() {
        assertThat("where " + Sql.TRUE).isNotEqualTo("where true").startsWith("where Sql[");
    }
}
