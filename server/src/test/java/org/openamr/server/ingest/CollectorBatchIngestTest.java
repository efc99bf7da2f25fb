package org.openamr.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.server.ingest.PushClient.Answer;
import org.openamr.server.ingest.PushClient.Channel;
import org.openamr.server.support.FormSession;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * OpenAMR collectors number their batches: the server stores each (channel, collector, batch) once, answers a
 * repeated batch with "already stored" naming it, and refuses the same number with another document (409).
 */
@ServerTest
class CollectorBatchIngestTest {

    private static final String JSON = "/ingest/v1/readouts";
    private static final String XML = "/ingest/v1/solvimus";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConcentratorTokens tokens;
    @Autowired
    PasswordEncoder passwords;

    PushClient client;
    Channel channel;
    String collector;

    @BeforeEach
    void setUp() {
        client = new PushClient(port);
        channel = PushClient.channel(jdbc, tokens, "collector channel " + UUID.randomUUID());
        collector = "lenina-12-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String serial() {
        return String.format("%08d", (int) (Math.random() * 90_000_000) + 10_000_000);
    }

    private static String readouts(String serial, String energy) {
        return """
                {"version": 1, "concentrator": {"id": "lenina-12", "software": "openamr-collector test"},
                 "meters": [{"serial": "%s", "manufacturer": "DFS", "readAt": "2026-11-23T10:00:05Z",
                   "values": [
                     {"quantity": "ENERGY", "unit": "kWh", "at": "2026-11-23T10:00:00Z", "value": "%s"},
                     {"quantity": "VOLUME", "unit": "m3", "at": "2026-11-23T10:00:00Z", "value": "12.345"}]}]}
                """.formatted(serial, energy);
    }

    private Answer deliver(String path, String token, String body, long batch, Long queueDepth)
            throws Exception {
        HttpRequest.Builder r = client.request(path, token)
                .header("X-OpenAMR-Collector", collector)
                .header("X-OpenAMR-Batch", Long.toString(batch))
                .header("X-OpenAMR-Version", "openamr-collector 0.1.0-test")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (queueDepth != null) {
            r.header("X-OpenAMR-Queue-Depth", queueDepth.toString());
        }
        return client.send(r.build());
    }

    private long readings(String serial) {
        return jdbc.sql("""
                select count(*) from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                where m.serial = ?""").param(serial).query(Long.class).single();
    }

    private long pushes() {
        return jdbc.sql("select count(*) from ingest_push where channel_id = ?").param(channel.id())
                .query(Long.class).single();
    }

    @Test
    void aRepeatedBatchIsAcknowledgedNamingItAndStoredOnce() throws Exception {
        String meter = serial();
        String body = readouts(meter, "1000.5");

        Answer first = deliver(JSON, channel.token(), body, 1, 7L);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("readingsNew").asInt()).isEqualTo(2);
        assertThat(first.body().get("batch").get("sequence").asLong()).isEqualTo(1);
        assertThat(first.body().get("batch").get("collector").asString()).isEqualTo(collector);
        assertThat(first.body().get("batch").get("alreadyStored").asBoolean()).isFalse();

        Answer again = deliver(JSON, channel.token(), body, 1, 5L);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("batch").get("sequence").asLong()).isEqualTo(1);
        assertThat(again.body().get("batch").get("alreadyStored").asBoolean()).isTrue();
        assertThat(again.body().get("batch").get("message").asString())
                .isEqualTo("batch 1 of collector '" + collector + "' was already stored (push "
                        + first.body().get("push").asString() + "); nothing was stored again");
        assertThat(again.body().get("push").asString()).isEqualTo(first.body().get("push").asString());
        assertThat(again.body().get("readingsNew").asInt()).isZero();

        assertThat(readings(meter)).isEqualTo(2);
        // the repeated batch leaves no second push row: nothing of it was stored
        assertThat(pushes()).isEqualTo(1);

        // the next batch is stored as usual
        Answer second = deliver(JSON, channel.token(), readouts(meter, "1001.5").replace("10:00:00Z", "11:00:00Z"),
                2, 0L);
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.body().get("readingsNew").asInt()).isEqualTo(2);
        assertThat(readings(meter)).isEqualTo(4);
    }

    @Test
    void theBatchNumberIsAlsoInAHeaderOfTheAnswer() throws Exception {
        HttpRequest request = client.request(JSON, channel.token())
                .header("X-OpenAMR-Collector", collector).header("X-OpenAMR-Batch", "41")
                .POST(HttpRequest.BodyPublishers.ofString(readouts(serial(), "1.0"))).build();
        HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-OpenAMR-Batch")).hasValue("41");
    }

    @Test
    void concurrentDeliveriesOfOneBatchStoreItOnceAndTheOthersAnswerAlreadyStored() throws Exception {
        String meter = serial();
        String body = readouts(meter, "2000.25");
        int senders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return deliver(JSON, channel.token(), body, 3, 1L);
                }));
            }
            start.countDown();
            int stored = 0;
            int already = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                assertThat(a.status()).as(a.raw()).isEqualTo(200);
                assertThat(a.body().get("batch").get("sequence").asLong()).isEqualTo(3);
                if (a.body().get("batch").get("alreadyStored").asBoolean()) {
                    already++;
                } else {
                    stored++;
                }
            }
            assertThat(stored).isEqualTo(1);
            assertThat(already).isEqualTo(senders - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(readings(meter)).isEqualTo(2);
        assertThat(pushes()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ingest_batch where channel_id = ? and push_id is not null")
                .param(channel.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameNumberWithAnotherDocumentIsRefusedWith409AndStoresNothing() throws Exception {
        String meter = serial();
        assertThat(deliver(JSON, channel.token(), readouts(meter, "10.0"), 9, null).status()).isEqualTo(200);

        String other = serial();
        Answer refused = deliver(JSON, channel.token(), readouts(other, "11.0"), 9, null);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString())
                .startsWith("batch 9 of collector '" + collector + "' was stored at ")
                .contains("with a different content", "Nothing of this push was stored");
        assertThat(readings(other)).isZero();
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(other).query(Long.class).single())
                .isZero();
        assertThat(pushes()).isEqualTo(1);
    }

    @Test
    void batchesAreCountedPerCollectorSoTwoCollectorsMayBothSendBatchOne() throws Exception {
        String meter = serial();
        assertThat(deliver(JSON, channel.token(), readouts(meter, "5.0"), 1, null).status()).isEqualTo(200);
        collector = collector + "-b";
        Answer b = deliver(JSON, channel.token(), readouts(serial(), "6.0"), 1, null);
        assertThat(b.status()).as(b.raw()).isEqualTo(200);
        assertThat(b.body().get("batch").get("alreadyStored").asBoolean()).isFalse();
    }

    @Test
    void theSolvimusEndpointTakesTheSameHeaders() throws Exception {
        String meter = serial();
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <interface MESSAGE_TYPE="1"><muc MUC_ID="lenina-12">
                 <meter METER_ID="%s" INTERFACE="05">
                  <data DESCRIPTION="Energy" UNIT="kWh" SCALE="0.001" OBIS_ID="6-0:1.0.0*255">
                   <entry><param NAME="T">1764000000</param><param NAME="VAL">1234567</param></entry>
                  </data>
                 </meter></muc></interface>""".formatted(meter);
        Answer first = deliver(XML, channel.token(), xml, 1, null);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        Answer again = deliver(XML, channel.token(), xml, 1, null);
        assertThat(again.body().get("batch").get("alreadyStored").asBoolean()).isTrue();
        assertThat(again.body().get("format").asString()).isEqualTo("SOLVIMUS_XML");
        assertThat(readings(meter)).isEqualTo(1);
    }

    @Test
    void aBadTokenIs401AndBadHeadersAre400() throws Exception {
        String body = readouts(serial(), "1.0");
        Answer unknown = deliver(JSON, PushClient_unknownToken(), body, 1, null);
        assertThat(unknown.status()).isEqualTo(401);
        Answer none = deliver(JSON, null, body, 1, null);
        assertThat(none.status()).isEqualTo(401);

        Answer noBatch = client.send(client.request(JSON, channel.token()).header("X-OpenAMR-Collector", collector)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(noBatch.status()).isEqualTo(400);
        assertThat(noBatch.body().get("detail").asString()).startsWith("header X-OpenAMR-Batch is missing");

        Answer zero = client.send(client.request(JSON, channel.token()).header("X-OpenAMR-Collector", collector)
                .header("X-OpenAMR-Batch", "0").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body().get("detail").asString()).isEqualTo("header X-OpenAMR-Batch is 0; it must be at least 1");

        Answer badId = client.send(client.request(JSON, channel.token()).header("X-OpenAMR-Collector", "a b")
                .header("X-OpenAMR-Batch", "1").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("detail").asString()).contains("is not a collector id");

        Answer orphan = client.send(client.request(JSON, channel.token()).header("X-OpenAMR-Queue-Depth", "3")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.body().get("detail").asString()).startsWith("header X-OpenAMR-Collector is missing");
        assertThat(pushes()).isZero();
    }

    private static String PushClient_unknownToken() {
        return ConcentratorTokens.PREFIX + "never-issued-" + UUID.randomUUID();
    }

    @Test
    void collectorsAreRecordedAndShownOnTheAcquisitionPageInBothLanguages() throws Exception {
        World w = World.in(jdbc, passwords.encode("correct horse battery"));
        UUID channelId = w.emptyChannel(true, "CONCENTRATOR");
        UUID silent = w.emptyChannel(true, "CONCENTRATOR");
        long id = jdbc.sql("select id from acquisition_channel where public_id = ?").param(channelId)
                .query(Long.class).single();
        String token = tokens.issue(id);
        String meter = serial();
        assertThat(deliver(JSON, token, readouts(meter, "1.5"), 1, 120L).status()).isEqualTo(200);
        assertThat(deliver(JSON, token, readouts(meter, "1.5").replace("10:00:00Z", "10:15:00Z"), 2, 42L).status())
                .isEqualTo(200);
        // a repeat of batch 1 is a contact too, but the last batch stays 2
        assertThat(deliver(JSON, token, readouts(meter, "1.5"), 1, 42L).status()).isEqualTo(200);

        record Row(long queue, String version, long lastBatch) {
        }
        Row row = jdbc.sql("select queue_depth, version, last_batch from ingest_collector where channel_id = ? and "
                        + "collector = ?").params(id, collector)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
        assertThat(row).isEqualTo(new Row(42, "openamr-collector 0.1.0-test", 2));

        FormSession operator = new FormSession(port);
        assertThat(operator.login("operator", "correct horse battery").statusCode()).isEqualTo(302);
        String ru = operator.get("/acquisition?lang=ru").body();
        String card = ru.substring(ru.indexOf("id=\"channel-" + channelId + "\""));
        card = card.substring(0, card.indexOf("</article>"));
        assertThat(card).contains("Сборщики OpenAMR", "Последняя связь", "Ожидают в его хранилище",
                "data-collector=\"" + collector + "\"", "<code>" + collector + "</code>",
                "<td class=\"queue-depth num\">42</td>", "<td class=\"version\">openamr-collector 0.1.0-test</td>",
                "<td class=\"last-batch num\">2</td>");
        String en = operator.get("/acquisition?lang=en").body();
        assertThat(en).contains("OpenAMR collectors", "Last contact", "Waiting in its store", "Last batch stored");
        // a concentrator channel no collector delivered through says so
        String silentCard = en.substring(en.indexOf("id=\"channel-" + silent + "\""));
        assertThat(silentCard.substring(0, silentCard.indexOf("</article>")))
                .contains("No OpenAMR collector has delivered through this channel yet.");
    }
}
