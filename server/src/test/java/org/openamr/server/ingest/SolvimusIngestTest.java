package org.openamr.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.server.ingest.PushClient.Answer;
import org.openamr.server.ingest.PushClient.Channel;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

// the maker's sample push is of April 2018: older than the default max-reading-age
@ServerTest
@TestPropertySource(properties = "openamr.ingest.max-reading-age=P30Y")
class SolvimusIngestTest {

    private static final String PATH = "/ingest/v1/solvimus";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConcentratorTokens tokens;

    PushClient client;
    Channel channel;

    @BeforeEach
    void setUp() {
        client = new PushClient(port);
        channel = PushClient.channel(jdbc, tokens, "SonoCollect " + UUID.randomUUID());
    }

    /**
     * The shape of the public Solvimus sample: a wired M-Bus heat meter with current values and two
     * monthly history values with their Timestamps (one Timestamp before its value, one after), an S0
     * pulse input, and a wireless water meter with two entries.
     */
    static String sample(String heat, String pulse, String water) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <interface MESSAGE_TYPE="1">
                 <muc MUC_ID="9872f" VERSION="1f6" TIMESTAMP="1524176555">
                  <meter METER_ID="%1$s" INTERFACE="02" USER="HKTot">
                   <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:1.0.0*255" USER="62">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">30390</param></entry>
                   </data>
                   <data DESCRIPTION="Volume" UNIT="m^3" SCALE="0.001" MEDIUM="Heat (outlet)" OBIS_ID="6-0:2.0.0*255">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">1736502</param></entry>
                   </data>
                   <data DESCRIPTION="Flow temperature" UNIT="Degree C" SCALE="0.01" MEDIUM="Heat (outlet)" OBIS_ID="6-0:10.0.0*255">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">2391</param></entry>
                   </data>
                   <data DESCRIPTION="Return temperature" UNIT="Degree C" SCALE="0.01" MEDIUM="Heat (outlet)" OBIS_ID="6-0:11.0.0*255">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">2212</param></entry>
                   </data>
                   <data DESCRIPTION="Temperature difference" UNIT="K" SCALE="0.01" MEDIUM="Heat (outlet)" OBIS_ID="6-0:12.0.0*255">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">179</param></entry>
                   </data>
                   <data DESCRIPTION="Timestamp" UNIT="UTC" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:0.1.10*0" USER="TSMonat-1">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">1522533600</param></entry>
                   </data>
                   <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:1.2.0*0" USER="Monat-1">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">29870</param></entry>
                   </data>
                   <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:1.2.0*1" USER="Monat-2">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">28110</param></entry>
                   </data>
                   <data DESCRIPTION="Timestamp" UNIT="UTC" SCALE="1" MEDIUM="Heat (outlet)" OBIS_ID="6-0:0.1.10*1" USER="TSMonat-2">
                    <entry><param NAME="T">1524177720</param><param NAME="T_MUC">1524176128</param><param NAME="VAL">1519858800</param></entry>
                   </data>
                  </meter>
                  <meter METER_ID="%2$s" INTERFACE="01" USER="Heizungsstrom">
                   <data DESCRIPTION="Energy" UNIT="kWh" SCALE="0.0005" MEDIUM="Electricity" OBIS_ID="1-0:1.8.0*255">
                    <entry><param NAME="T">1524176100</param><param NAME="T_MUC">1524176100</param><param NAME="VAL">8155387</param></entry>
                   </data>
                  </meter>
                  <meter METER_ID="%3$s" INTERFACE="05" USER="WW Whg 3">
                   <data DESCRIPTION="Volume" UNIT="m^3" SCALE="0.001" MEDIUM="Water" OBIS_ID="8-0:1.0.0*255">
                    <entry><param NAME="T">1524175200</param><param NAME="T_MUC">1524175230</param><param NAME="VAL">54321</param></entry>
                    <entry><param NAME="T">1524176100</param><param NAME="T_MUC">1524176130</param><param NAME="VAL">54330</param></entry>
                   </data>
                  </meter>
                 </muc>
                </interface>
                """.formatted(heat, pulse, water);
    }

    /** The same facts with meters, data elements and params in another order. */
    static String reordered(String heat, String pulse, String water) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <interface MESSAGE_TYPE="1"><muc MUC_ID="9872f" TIMESTAMP="1524177555">
                 <meter METER_ID="%3$s" INTERFACE="05">
                  <data OBIS_ID="8-0:1.0.0*255" DESCRIPTION="Volume" UNIT="m^3" SCALE="0.001">
                   <entry><param NAME="VAL">54330</param><param NAME="T">1524176100</param></entry>
                   <entry><param NAME="VAL">54321</param><param NAME="T">1524175200</param></entry>
                  </data>
                 </meter>
                 <meter METER_ID="%1$s" INTERFACE="02">
                  <data DESCRIPTION="Timestamp" UNIT="UTC" SCALE="1" OBIS_ID="6-0:0.1.10*1"><entry><param NAME="T">1524177720</param><param NAME="VAL">1519858800</param></entry></data>
                  <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" OBIS_ID="6-0:1.2.0*1"><entry><param NAME="T">1524177720</param><param NAME="VAL">28110</param></entry></data>
                  <data DESCRIPTION="Temperature difference" UNIT="K" SCALE="0.01" OBIS_ID="6-0:12.0.0*255"><entry><param NAME="T">1524177720</param><param NAME="VAL">179</param></entry></data>
                  <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" OBIS_ID="6-0:1.2.0*0"><entry><param NAME="T">1524177720</param><param NAME="VAL">29870</param></entry></data>
                  <data DESCRIPTION="Return temperature" UNIT="Degree C" SCALE="0.01" OBIS_ID="6-0:11.0.0*255"><entry><param NAME="T">1524177720</param><param NAME="VAL">2212</param></entry></data>
                  <data DESCRIPTION="Flow temperature" UNIT="Degree C" SCALE="0.01" OBIS_ID="6-0:10.0.0*255"><entry><param NAME="T">1524177720</param><param NAME="VAL">2391</param></entry></data>
                  <data DESCRIPTION="Timestamp" UNIT="UTC" SCALE="1" OBIS_ID="6-0:0.1.10*0"><entry><param NAME="T">1524177720</param><param NAME="VAL">1522533600</param></entry></data>
                  <data DESCRIPTION="Volume" UNIT="m^3" SCALE="0.001" OBIS_ID="6-0:2.0.0*255"><entry><param NAME="T">1524177720</param><param NAME="VAL">1736502</param></entry></data>
                  <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" OBIS_ID="6-0:1.0.0*255"><entry><param NAME="T">1524177720</param><param NAME="VAL">30390</param></entry></data>
                 </meter>
                 <meter METER_ID="%2$s" INTERFACE="01">
                  <data DESCRIPTION="Energy" UNIT="kWh" SCALE="0.0005" OBIS_ID="1-0:1.8.0*255"><entry><param NAME="T">1524176100</param><param NAME="VAL">8155387</param></entry></data>
                 </meter>
                </muc></interface>
                """.formatted(heat, pulse, water);
    }

    private static String ids() {
        return String.format("%08d", (int) (Math.random() * 90_000_000) + 10_000_000);
    }

    record Stored(String serial, String quantity, String unit, long storage, String at, String value) {
    }

    private List<Stored> stored(String... serials) {
        return jdbc.sql("""
                select m.serial, g.quantity, g.unit, g.storage, to_char(r.measured_at at time zone 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, r.value::text as value
                from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                where m.serial in (:serials)
                order by m.serial, g.quantity, g.storage, r.measured_at""")
                .param("serials", List.of(serials))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    @Test
    void storesTheSampleShapeWithExactValuesAndRegistersItsMetersAsUnassigned() throws Exception {
        String heat = ids();
        String pulse = ids();
        String water = ids();
        String xml = sample(heat, pulse, water);

        Answer answer = client.post(PATH, channel.token(), xml);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("readingsNew").intValue()).isEqualTo(10);
        assertThat(answer.body().get("readingsDuplicate").intValue()).isZero();
        assertThat(answer.body().get("rejected").intValue()).isZero();
        assertThat(answer.body().get("meters").intValue()).isEqualTo(3);
        assertThat(answer.body().get("metersCreated").intValue()).isEqualTo(3);
        assertThat(stored(heat, pulse, water)).containsExactlyInAnyOrder(
                new Stored(heat, "ENERGY", "kWh", 0, "2018-04-19T22:42:00Z", "30390"),
                new Stored(heat, "ENERGY", "kWh", 1, "2018-03-31T22:00:00Z", "29870"),
                new Stored(heat, "ENERGY", "kWh", 2, "2018-02-28T23:00:00Z", "28110"),
                new Stored(heat, "VOLUME", "m3", 0, "2018-04-19T22:42:00Z", "1736.502"),
                new Stored(heat, "FLOW_TEMPERATURE", "°C", 0, "2018-04-19T22:42:00Z", "23.91"),
                new Stored(heat, "RETURN_TEMPERATURE", "°C", 0, "2018-04-19T22:42:00Z", "22.12"),
                new Stored(heat, "TEMPERATURE_DIFFERENCE", "K", 0, "2018-04-19T22:42:00Z", "1.79"),
                new Stored(pulse, "ENERGY", "kWh", 0, "2018-04-19T22:15:00Z", "4077.6935"),
                new Stored(water, "VOLUME", "m3", 0, "2018-04-19T22:00:00Z", "54.321"),
                new Stored(water, "VOLUME", "m3", 0, "2018-04-19T22:15:00Z", "54.330"));

        // unknown meters are kept, unassigned, with the channel that heard them and the medium pushed
        assertThat(jdbc.sql("""
                select serial, manufacturer, mbus_medium, channel_id, last_seen_at = to_timestamp(:read)
                from unassigned_meter where serial in (:serials) order by serial""")
                .param("read", 1524176128L).param("serials", List.of(heat))
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getObject(3), rs.getLong(4), rs.getBoolean(5)))
                .list()).containsExactly(tuple(heat, null, 4, channel.id(), true));
        assertThat(jdbc.sql("select count(*) from unassigned_meter where serial in (:s)")
                .param("s", List.of(heat, pulse, water)).query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("select mbus_medium from meter where serial = ?").param(pulse).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select distinct r.source || '/' || r.channel_id from reading r join register g on g.id = r.register_id "
                + "join meter m on m.id = g.meter_id where m.serial = ?").param(heat).query(String.class).list())
                .containsExactly("PUSH/" + channel.id());

        // the push is recorded with its counts and the payload's hash
        UUID push = UUID.fromString(answer.body().get("push").stringValue());
        assertThat(jdbc.sql("""
                select channel_id, format, sender, readings_new, readings_duplicate, rejected, meters, meters_created,
                       encode(payload_sha256, 'hex'), payload_bytes
                from ingest_push where public_id = ?""").param(push)
                .query((rs, n) -> tuple(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getInt(10)))
                .single()).isEqualTo(tuple(channel.id(), "SOLVIMUS_XML", "9872f", 10, 0, 0, 3, 3,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(xml.getBytes(StandardCharsets.UTF_8))),
                        xml.getBytes(StandardCharsets.UTF_8).length));

        // the audit log names the concentrator for the meters it registered
        UUID channelPublicId = jdbc.sql("select public_id from acquisition_channel where id = ?").param(channel.id())
                .query(UUID.class).single();
        assertThat(jdbc.sql("""
                select distinct actor from audit_log where entity = 'meter' and action = 'INSERT'
                  and after ->> 'serial' in (:s)""").param("s", List.of(heat, pulse, water)).query(String.class).list())
                .containsExactly("concentrator:" + channelPublicId);
    }

    @Test
    void theSamePushTwiceAndInAnotherOrderStoresEachReadingOnce() throws Exception {
        String heat = ids();
        String pulse = ids();
        String water = ids();

        Answer first = client.post(PATH, channel.token(), sample(heat, pulse, water));
        Answer again = client.post(PATH, channel.token(), sample(heat, pulse, water));
        Answer shuffled = client.post(PATH, channel.token(), reordered(heat, pulse, water));

        assertThat(first.body().get("readingsNew").intValue()).isEqualTo(10);
        for (Answer a : List.of(again, shuffled)) {
            assertThat(a.status()).as(a.raw()).isEqualTo(200);
            assertThat(a.body().get("readingsNew").intValue()).isZero();
            assertThat(a.body().get("readingsDuplicate").intValue()).isEqualTo(10);
            assertThat(a.body().get("metersCreated").intValue()).isZero();
        }
        assertThat(stored(heat, pulse, water)).hasSize(10);
        assertThat(jdbc.sql("select count(*) from meter where serial in (:s)").param("s", List.of(heat, pulse, water))
                .query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("select readings_new, readings_duplicate from ingest_push where channel_id = ? order by id")
                .param(channel.id()).query((rs, n) -> tuple(rs.getInt(1), rs.getInt(2))).list())
                .containsExactly(tuple(10, 0), tuple(0, 10), tuple(0, 10));
    }

    @Test
    void acceptsTheValidEntriesAndReportsAndKeepsTheBadOnes() throws Exception {
        String meter = ids();
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <interface MESSAGE_TYPE="1"><muc MUC_ID="bad-entries">
                 <meter METER_ID="%s" INTERFACE="02">
                  <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" OBIS_ID="6-0:1.0.0*255">
                   <entry><param NAME="T">1700000000</param><param NAME="VAL">1000</param></entry>
                   <entry><param NAME="T">1700000900</param><param NAME="VAL">abc</param></entry>
                   <entry><param NAME="T">946684799</param><param NAME="VAL">999</param></entry>
                  </data>
                  <data DESCRIPTION="Volume" UNIT="m^3" SCALE="0.001" OBIS_ID="6-0:2.0.0*255">
                   <entry><param NAME="T">1700000000</param><param NAME="VAL">2500</param></entry>
                  </data>
                  <data DESCRIPTION="Widget count" UNIT="None" SCALE="1" OBIS_ID="6-0:99.0.0*255">
                   <entry><param NAME="T">1700000000</param><param NAME="VAL">7</param></entry>
                   <entry><param NAME="T">1700000900</param><param NAME="VAL">8</param></entry>
                  </data>
                  <data DESCRIPTION="Energy" UNIT="m^3" SCALE="1" OBIS_ID="6-0:1.0.1*255">
                   <entry><param NAME="T">1700000000</param><param NAME="VAL">5</param></entry>
                  </data>
                 </meter>
                </muc></interface>
                """.formatted(meter);

        Answer answer = client.post(PATH, channel.token(), xml);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("readingsNew").intValue()).isEqualTo(2);
        assertThat(answer.body().get("rejected").intValue()).isEqualTo(4);
        List<String> messages = new ArrayList<>();
        answer.body().get("rejections").forEach(r -> messages.add(r.get("message").stringValue()));
        assertThat(messages).hasSize(4).contains(
                "meter " + meter + ", data OBIS 6-0:1.0.0*255, entry 2: VAL 'abc' is not a number",
                "meter " + meter + ", data OBIS 6-0:99.0.0*255: DESCRIPTION 'Widget count' is not a register this "
                        + "server knows (see server/INGEST.md for the list)",
                "meter " + meter + ", data OBIS 6-0:1.0.1*255: UNIT 'm^3' is not a unit of Energy (accepted: gcal, gj, "
                        + "gwh, j, kj, kwh, mcal, mj, mwh, wh)");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("meter " + meter
                + ", data OBIS 6-0:1.0.0*255, entry 3: T 946684799 (1999-12-31T23:59:59Z) is outside the accepted "
                + "2000-01-01T00:00:00Z .. "));
        assertThat(stored(meter)).containsExactlyInAnyOrder(
                new Stored(meter, "ENERGY", "kWh", 0, "2023-11-14T22:13:20Z", "1000"),
                new Stored(meter, "VOLUME", "m3", 0, "2023-11-14T22:13:20Z", "2.500"));

        UUID push = UUID.fromString(answer.body().get("push").stringValue());
        record Kept(String meter, String location, String reason, String fragment, int values) {
        }
        List<Kept> kept = jdbc.sql("""
                select j.meter, j.location, j.reason, j.fragment, j.value_count
                from ingest_rejection j join ingest_push p on p.id = j.push_id
                where p.public_id = ? order by j.id""").param(push)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
        assertThat(kept).hasSize(4);
        Kept abc = kept.stream().filter(k -> k.location().endsWith("entry 2")).findFirst().orElseThrow();
        assertThat(abc.meter()).isEqualTo(meter);
        assertThat(abc.reason()).isEqualTo("VAL 'abc' is not a number");
        assertThat(abc.fragment()).isEqualTo("<data DESCRIPTION=\"Energy\" UNIT=\"kWh\" SCALE=\"1\" OBIS_ID=\"6-0:1.0.0*255\">"
                + "<entry><param NAME=\"T\">1700000900</param><param NAME=\"VAL\">abc</param></entry></data>");
        Kept widget = kept.stream().filter(k -> k.location().contains("99.0.0")).findFirst().orElseThrow();
        assertThat(widget.values()).isEqualTo(2);
        assertThat(widget.fragment()).contains("<param NAME=\"VAL\">7</param>", "<param NAME=\"VAL\">8</param>");
        assertThat(jdbc.sql("select rejected, readings_new from ingest_push where public_id = ?").param(push)
                .query((rs, n) -> tuple(rs.getInt(1), rs.getInt(2))).single()).isEqualTo(tuple(4, 2));
    }

    @Test
    void aDocumentThatIsNotWellFormedOrNotOfTheShapeWritesNothing() throws Exception {
        String meter = ids();
        String valid = sample(meter, ids(), ids());
        long pushesBefore = pushes();

        Answer truncated = client.post(PATH, channel.token(), valid.substring(0, valid.length() / 2));
        Answer wrongRoot = client.post(PATH, channel.token(), valid.replace("interface", "report"));
        Answer strayElement = client.post(PATH, channel.token(),
                valid.replace("<entry><param NAME=\"T\">1524177720</param><param NAME=\"T_MUC\">1524176128</param>"
                        + "<param NAME=\"VAL\">2391</param></entry>", "<value>2391</value>"));

        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.contentType()).startsWith("application/problem+json");
        assertThat(truncated.body().get("detail").stringValue()).startsWith("not well-formed XML at line");
        assertThat(wrongRoot.status()).isEqualTo(400);
        assertThat(wrongRoot.body().get("detail").stringValue()).isEqualTo(
                "root element is <report>, expected <interface> (Solvimus XML push)");
        assertThat(strayElement.status()).isEqualTo(400);
        assertThat(strayElement.body().get("detail").stringValue())
                .startsWith("unexpected element <value> inside <data> at line ");
        assertThat(pushes()).isEqualTo(pushesBefore);
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(meter).query(Long.class).single()).isZero();
    }

    @Test
    void refusesDoctypesSoNoEntityIsEverExpanded() throws Exception {
        String meter = ids();
        String xxe = """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE interface [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <interface MESSAGE_TYPE="1"><muc MUC_ID="&secret;"><meter METER_ID="%s">
                 <data DESCRIPTION="Energy" UNIT="kWh" SCALE="1" OBIS_ID="6-0:1.0.0*255">
                  <entry><param NAME="T">1700000000</param><param NAME="VAL">1</param></entry></data>
                </meter></muc></interface>
                """.formatted(meter);
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <interface><muc MUC_ID="&lol3;"/></interface>
                """;
        long pushesBefore = pushes();

        for (String body : List.of(xxe, laughs)) {
            Answer answer = client.post(PATH, channel.token(), body);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().get("detail").stringValue()).contains("DOCTYPE").doesNotContain("root:");
        }
        Answer undeclared = client.post(PATH, channel.token(),
                "<interface><muc MUC_ID=\"&secret;\"></muc></interface>");
        assertThat(undeclared.status()).isEqualTo(400);
        assertThat(pushes()).isEqualTo(pushesBefore);
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(meter).query(Long.class).single()).isZero();
    }

    @Test
    void refusesAPushLargerThanTheLimitWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        byte[] start = "<interface><muc>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        long pushesBefore = pushes();

        Answer declared = client.post(PATH, channel.token(), body);
        Answer streamed = client.send(client.request(PATH, channel.token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build());

        for (Answer a : List.of(declared, streamed)) {
            assertThat(a.status()).isEqualTo(413);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body().get("detail").stringValue()).contains("one push may have at most 8 MiB");
        }
        assertThat(pushes()).isEqualTo(pushesBefore);
    }

    @Test
    void refusesUnknownTokensAndDisabledChannels() throws Exception {
        String xml = sample(ids(), ids(), ids());

        Answer none = client.post(PATH, null, xml);
        Answer unknown = client.post(PATH, ConcentratorTokens.PREFIX + "not-a-token", xml);
        Answer apiToken = client.post(PATH, "oamr_api_whatever", xml);
        String replaced = channel.token();
        tokens.issue(channel.id());
        Answer old = client.post(PATH, replaced, xml);

        for (Answer a : List.of(none, unknown, apiToken, old)) {
            assertThat(a.status()).as(a.raw()).isEqualTo(401);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        assertThat(unknown.body().get("detail").stringValue()).isEqualTo(
                "push token is unknown: it was never issued or a newer token replaced it");

        Channel disabled = PushClient.channel(jdbc, tokens, "switched off " + UUID.randomUUID());
        jdbc.sql("update acquisition_channel set enabled = false where id = ?").param(disabled.id()).update();
        Answer forbidden = client.post(PATH, disabled.token(), xml);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("detail").stringValue()).contains("is disabled");
        assertThat(jdbc.sql("select count(*) from ingest_push where channel_id in (?, ?)")
                .params(channel.id(), disabled.id()).query(Long.class).single()).isZero();
    }

    @Test
    void tokensAreIssuedOnlyForConcentratorChannelsAndOnlyTheirHashIsKept() {
        long gateway = jdbc.sql("insert into acquisition_channel (kind, name, address) values ('TCP_GATEWAY', 'gw', "
                + "'tcp://10.0.0.1:10001') returning id").query(Long.class).single();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.issue(gateway))
                .isInstanceOf(org.openamr.server.api.BadRequestException.class)
                .hasMessageContaining("TCP_GATEWAY");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.issue(Long.MAX_VALUE))
                .isInstanceOf(org.openamr.server.api.NotFoundException.class);
        assertThat(channel.token()).startsWith(ConcentratorTokens.PREFIX);
        assertThat(jdbc.sql("select token_hash from acquisition_channel where id = ?").param(channel.id())
                .query(byte[].class).single()).isEqualTo(org.openamr.server.security.Tokens.hash(channel.token()));
    }

    @Test
    void twoIdenticalPushesAtTheSameTimeStoreEachReadingOnce() throws Exception {
        String heat = ids();
        String pulse = ids();
        String water = ids();
        String xml = sample(heat, pulse, water);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Answer> push = () -> {
            start.await();
            return client.post(PATH, channel.token(), xml);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Answer> a = pool.submit(push);
            Future<Answer> b = pool.submit(push);
            start.countDown();
            Answer first = a.get();
            Answer second = b.get();

            assertThat(first.status()).as(first.raw()).isEqualTo(200);
            assertThat(second.status()).as(second.raw()).isEqualTo(200);
            assertThat(first.body().get("readingsNew").intValue() + second.body().get("readingsNew").intValue())
                    .isEqualTo(10);
            assertThat(first.body().get("readingsDuplicate").intValue()
                    + second.body().get("readingsDuplicate").intValue()).isEqualTo(10);
        } finally {
            pool.shutdown();
        }
        assertThat(stored(heat, pulse, water)).hasSize(10);
        assertThat(jdbc.sql("select count(*) from meter where serial in (:s)").param("s", List.of(heat, pulse, water))
                .query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("select count(*) from register g join meter m on m.id = g.meter_id where m.serial = ?")
                .param(heat).query(Long.class).single()).isEqualTo(7L);
    }

    private long pushes() {
        return jdbc.sql("select count(*) from ingest_push").query(Long.class).single();
    }
}
