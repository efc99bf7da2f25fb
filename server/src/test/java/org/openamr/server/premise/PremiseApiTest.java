package org.openamr.server.premise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A premise's personal account (лицевой счёт) through the API: written, read back, changed and cleared, audited;
 * a malformed one is a 400 naming the field, one another premise of the building has a 409 naming that premise,
 * and the database's own check and index hold the same rules for whatever writes without the API.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PremiseApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    World w;
    Api operator;
    Api admin;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
        operator = new Api(port, w.tokens.get(Role.OPERATOR));
        admin = new Api(port, w.tokens.get(Role.ADMIN));
    }

    /** Numbers and accounts of their own: the test classes of this context share one database. */
    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static String premise(UUID building, String number, String account) {
        return "{\"building\":\"" + building + "\",\"number\":\"" + number + "\",\"kind\":\"APARTMENT\",\"floor\":3"
                + (account == null ? "" : ",\"personalAccount\":\"" + account + "\"") + "}";
    }

    @Test
    void aPersonalAccountIsWrittenReadBackChangedClearedAndAudited() {
        String tag = unique();
        Api.Response created = operator.post("/api/v1/premises", premise(w.buildingA, "A" + tag, "01-234/5"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("personalAccount").asString()).isEqualTo("01-234/5");
        String id = created.json().get("id").asString();
        assertThat(operator.get("/api/v1/premises/" + id).json().get("personalAccount").asString())
                .isEqualTo("01-234/5");
        JsonNode listed = operator.get("/api/v1/premises?building=" + w.buildingA + "&size=1000").json().get("items");
        List<String> accounts = new ArrayList<>();
        for (JsonNode p : listed) {
            if (p.get("id").asString().equals(id)) {
                accounts.add(p.get("personalAccount").asString());
            }
        }
        assertThat(accounts).as("in the list too").containsExactly("01-234/5");

        Api.Response changed = operator.put("/api/v1/premises/" + id, premise(w.buildingA, "A" + tag, "ЛС-" + tag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("personalAccount").asString()).as("Cyrillic letters").isEqualTo("ЛС-" + tag);
        assertThat(jdbc.sql("""
                select a.after ->> 'personal_account' from audit_log a join premise p on a.entity_id = p.id::text
                where a.entity = 'premise' and a.action = 'UPDATE' and a.actor = 'user:operator'
                  and p.public_id = ?""").param(UUID.fromString(id)).query(String.class).list())
                .as("audited as every change of a premise").containsExactly("ЛС-" + tag);

        Api.Response cleared = operator.put("/api/v1/premises/" + id, premise(w.buildingA, "A" + tag, null));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().has("personalAccount")).as("left out on PUT: cleared, like the area").isFalse();
        assertThat(operator.post("/api/v1/premises", premise(w.buildingA, "B" + tag, null)).json()
                .has("personalAccount")).as("optional").isFalse();
    }

    @Test
    void occupiedIsSetReadBackAndKeptWhenAPutLeavesItOut() {
        String tag = unique();
        Api.Response created = operator.post("/api/v1/premises", premise(w.buildingA, "O" + tag, null));
        assertThat(created.json().get("occupied").asBoolean()).as("a new premise: not occupied").isFalse();
        String id = created.json().get("id").asString();
        String occupied = premise(w.buildingA, "O" + tag, null).replace("}", ",\"occupied\":true}");
        assertThat(operator.put("/api/v1/premises/" + id, occupied).json().get("occupied").asBoolean()).isTrue();
        assertThat(operator.put("/api/v1/premises/" + id, premise(w.buildingA, "O" + tag, null)).json()
                .get("occupied").asBoolean()).as("left out on PUT: as it was").isTrue();
        assertThat(jdbc.sql("select occupied from premise where public_id = ?").param(UUID.fromString(id))
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aMalformedPersonalAccountIsRefusedNamingTheField() {
        String tag = unique();
        for (String bad : new String[] {"12 34", " 1234", "", "1".repeat(31), "№12", "12.34"}) {
            Api.Response r = operator.post("/api/v1/premises", premise(w.buildingA, "C" + tag, bad));
            assertThat(r.status()).as("'%s'", bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as("'%s'", bad).isEqualTo("personalAccount: a personal "
                    + "account is 1 to 30 digits, Latin or Cyrillic letters, - or /, without spaces; null for none"
                    + " (was '" + bad + "')");
        }
        assertThat(jdbc.sql("select count(*) from premise where number = ?").param("C" + tag).query(Long.class)
                .single()).isZero();
        assertThat(operator.post("/api/v1/premises", premise(w.buildingA, "C" + tag, "1".repeat(30))).status())
                .as("30 characters are allowed").isEqualTo(201);
    }

    @Test
    void twoPremisesOfOneBuildingNeverShareAnAccount() {
        String tag = unique();
        String account = "70-" + tag;
        assertThat(operator.post("/api/v1/premises", premise(w.buildingA, "D" + tag, account)).status())
                .isEqualTo(201);

        Api.Response twice = operator.post("/api/v1/premises", premise(w.buildingA, "E" + tag, account));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("detail").asString()).isEqualTo("personalAccount: premise D" + tag + " of this "
                + "building has personal account " + account + " already; two premises of one building never share "
                + "an account");

        String other = operator.post("/api/v1/premises", premise(w.buildingA, "E" + tag, null)).json().get("id")
                .asString();
        Api.Response taken = operator.put("/api/v1/premises/" + other, premise(w.buildingA, "E" + tag, account));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).startsWith("personalAccount: premise D" + tag + " ");
        assertThat(operator.get("/api/v1/premises/" + other).json().has("personalAccount")).isFalse();

        String same = jdbc.sql("select public_id::text from premise where number = ?").param("D" + tag)
                .query(String.class).single();
        assertThat(operator.put("/api/v1/premises/" + same, premise(w.buildingA, "D" + tag, account)).status())
                .as("a premise keeps its own account").isEqualTo(200);
        assertThat(admin.post("/api/v1/premises", premise(w.buildingB, "D" + tag, account)).status())
                .as("another building, another management company's numbering").isEqualTo(201);
    }

    @Test
    void theDatabaseHoldsTheSameRulesForWhateverWritesWithoutTheApi() {
        String tag = unique();
        long building = jdbc.sql("select id from building where public_id = ?").param(w.buildingA)
                .query(Long.class).single();
        String insert = "insert into premise (building_id, number, kind, personal_account) values (?, ?, 'APARTMENT', ?)";
        jdbc.sql(insert).params(building, "F" + tag, "ЛС-ё" + tag).update();
        assertThatThrownBy(() -> jdbc.sql(insert).params(building, "G" + tag, "ЛС-ё" + tag).update())
                .as("the unique index").isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("premise_personal_account_uq");
        for (String bad : new String[] {"ЛС " + tag, " " + tag, "", "1".repeat(31)}) {
            assertThatThrownBy(() -> jdbc.sql(insert).params(building, "H" + tag, bad).update()).as("'%s'", bad)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("premise_personal_account_check");
        }
        jdbc.sql(insert).params(building, "H" + tag, null).update();
        jdbc.sql(insert).params(building, "I" + tag, null).update();
    }
}
