package org.openamr.server.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * A meter's ГИС ЖКХ device GUID through the API: written, read back, changed and cleared, audited; a malformed one is
 * a 400 naming the field, one another meter has a 409 naming that meter (or only saying it exists, when the caller
 * does not see it), and the database's column type and unique index hold the same rules for whatever writes without
 * the API.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterGisDeviceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    World w;
    Api operator;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
        operator = new Api(port, w.tokens.get(Role.OPERATOR));
    }

    /** Serial numbers of their own: the test classes of this context share one database. */
    private static String serial() {
        return "G" + UUID.randomUUID().toString().substring(0, 7);
    }

    /** A meter on building A's channel, which the operator sees. */
    private String meter(String serial, String guid) {
        return "{\"manufacturer\":\"DFS\",\"serial\":\"" + serial + "\",\"model\":\"SonoSafe 10\","
                + "\"channel\":\"" + w.channelA + "\""
                + (guid == null ? "" : ",\"gisDeviceGuid\":\"" + guid + "\"") + "}";
    }

    @Test
    void aGisDeviceGuidIsWrittenReadBackChangedClearedAndAudited() {
        String serial = serial();
        UUID guid = UUID.randomUUID();
        Api.Response created = operator.post("/api/v1/meters", meter(serial, guid.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("gisDeviceGuid").asString()).isEqualTo(guid.toString());
        String id = created.json().get("id").asString();
        assertThat(operator.get("/api/v1/meters/" + id).json().get("gisDeviceGuid").asString())
                .isEqualTo(guid.toString());
        JsonNode listed = operator.get("/api/v1/meters?size=1000").json().get("items");
        List<String> guids = new ArrayList<>();
        for (JsonNode m : listed) {
            if (m.get("id").asString().equals(id)) {
                guids.add(m.get("gisDeviceGuid").asString());
            }
        }
        assertThat(guids).as("in the list too").containsExactly(guid.toString());

        UUID other = UUID.randomUUID();
        Api.Response changed = operator.put("/api/v1/meters/" + id,
                meter(serial, other.toString().toUpperCase(Locale.ROOT)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("gisDeviceGuid").asString()).as("either case, read back in lower case")
                .isEqualTo(other.toString());
        assertThat(jdbc.sql("""
                select a.after ->> 'gis_device_guid' from audit_log a join meter m on a.entity_id = m.id::text
                where a.entity = 'meter' and a.action = 'UPDATE' and a.actor = 'user:operator'
                  and m.public_id = ?""").param(UUID.fromString(id)).query(String.class).list())
                .as("audited as every change of a meter").containsExactly(other.toString());

        Api.Response cleared = operator.put("/api/v1/meters/" + id, meter(serial, null));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().has("gisDeviceGuid")).as("left out on PUT: cleared, like the model").isFalse();
        assertThat(jdbc.sql("select gis_device_guid from meter where public_id = ?").param(UUID.fromString(id))
                .query((rs, n) -> rs.getObject(1)).list()).containsExactly((Object) null);
        assertThat(operator.post("/api/v1/meters", meter(serial(), null)).json().has("gisDeviceGuid"))
                .as("optional").isFalse();
    }

    @Test
    void aMalformedGisDeviceGuidIsRefusedNamingTheField() {
        String serial = serial();
        for (String bad : new String[] {"3fa85f64", "3fa85f6457174562b3fc2c963f66afa6", "1-1-1-1-1", "",
                "{3fa85f64-5717-4562-b3fc-2c963f66afa6}", "3fa85f64-5717-4562-b3fc-2c963f66afaz",
                " 3fa85f64-5717-4562-b3fc-2c963f66afa6"}) {
            Api.Response r = operator.post("/api/v1/meters", meter(serial, bad));
            assertThat(r.status()).as("'%s'", bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as("'%s'", bad).isEqualTo("gisDeviceGuid: a ГИС ЖКХ "
                    + "device GUID is 32 hex digits grouped 8-4-4-4-12, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6; "
                    + "null for none (was '" + bad + "')");
        }
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(serial).query(Long.class).single())
                .isZero();
    }

    @Test
    void twoMetersNeverShareAGisDeviceGuid() {
        String holder = serial();
        String guid = UUID.randomUUID().toString();
        String holderId = operator.post("/api/v1/meters", meter(holder, guid)).json().get("id").asString();

        Api.Response twice = operator.post("/api/v1/meters", meter(serial(), guid));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("detail").asString()).isEqualTo("gisDeviceGuid: meter " + holder + " has ГИС "
                + "ЖКХ device GUID " + guid + " already; two meters never share one, or ГИС ЖКХ would get one "
                + "device's readings twice");

        String other = serial();
        String otherId = operator.post("/api/v1/meters", meter(other, null)).json().get("id").asString();
        Api.Response taken = operator.put("/api/v1/meters/" + otherId, meter(other, guid.toUpperCase(Locale.ROOT)));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).startsWith("gisDeviceGuid: meter " + holder + " has ");
        assertThat(operator.get("/api/v1/meters/" + otherId).json().has("gisDeviceGuid")).isFalse();
        assertThat(operator.put("/api/v1/meters/" + holderId, meter(holder, guid)).status())
                .as("a meter keeps its own GUID").isEqualTo(200);

        // a meter on building B's channel, which the operator of building A does not see: not described
        String unseen = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into meter (manufacturer, serial, channel_id, gis_device_guid)
                values ('DFS', ?, (select id from acquisition_channel where public_id = ?), ?::uuid)""")
                .params(serial(), w.channelB, unseen).update();
        Api.Response hidden = operator.put("/api/v1/meters/" + otherId, meter(other, unseen));
        assertThat(hidden.status()).isEqualTo(409);
        assertThat(hidden.json().get("detail").asString()).isEqualTo("gisDeviceGuid: a meter you do not see has "
                + "ГИС ЖКХ device GUID " + unseen + " already; two meters never share one, or ГИС ЖКХ would get one "
                + "device's readings twice");
    }

    @Test
    void theDatabaseHoldsTheSameRulesForWhateverWritesWithoutTheApi() {
        String insert = "insert into meter (manufacturer, serial, gis_device_guid) values ('DFS', ?, ?::uuid)";
        String guid = UUID.randomUUID().toString();
        jdbc.sql(insert).params(serial(), guid).update();
        assertThatThrownBy(() -> jdbc.sql(insert).params(serial(), guid.toUpperCase(Locale.ROOT)).update())
                .as("the unique index, whatever the case").isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("meter_gis_device_guid_uq");
        assertThatThrownBy(() -> jdbc.sql(insert).params(serial(), "not-a-guid").update())
                .as("a uuid column").isInstanceOf(org.springframework.dao.DataAccessException.class)
                .hasMessageContaining("uuid");
        jdbc.sql(insert).params(serial(), null).update();
        jdbc.sql(insert).params(serial(), null).update();
    }
}
