package org.openamr.collector.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.output.TestBatches;
import org.openamr.collector.output.mqtt.MqttOutput.Settings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against the machine's Mosquitto on 127.0.0.1:1883 ({@code .ci/run} starts it), subscribing with the same client
 * library. Each test uses its own collector id, so that runs in parallel and retained messages of earlier runs
 * do not mix in; the retained discovery configs are cleared at the end.
 */
class MqttOutputTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private String collector;
    private Mqtt5BlockingClient subscriber;
    private Mqtt5BlockingClient.Mqtt5Publishes received;
    private final List<MqttOutput> outputs = new ArrayList<>();
    private final Set<String> retainedTopics = new HashSet<>();

    @BeforeEach
    void subscribe() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 2000);
        } catch (java.io.IOException e) {
            // CI starts Mosquitto; a developer machine without one skips rather than fails
            assumeTrue(System.getenv("CI") == null, "Mosquitto must answer on 127.0.0.1:1883 in CI");
            assumeTrue(false, "no MQTT broker on 127.0.0.1:1883");
        }
        collector = "t" + UUID.randomUUID().toString().substring(0, 8);
        subscriber = Mqtt5Client.builder().identifier("sub-" + collector).serverHost("127.0.0.1").serverPort(1883).buildBlocking();
        subscriber.connect();
        received = subscriber.publishes(MqttGlobalPublishFilter.ALL);
        subscriber.subscribeWith().topicFilter("openamr/" + collector + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.subscribeWith().topicFilter("homeassistant/sensor/+/config").qos(MqttQos.AT_LEAST_ONCE).send();
    }

    @AfterEach
    void cleanUp() {
        outputs.forEach(MqttOutput::close);
        if (subscriber != null) {
            for (String topic : retainedTopics) {
                subscriber.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
            }
            received.close();
            subscriber.disconnect();
        }
    }

    private MqttOutput output(String version) {
        MqttOutput out = new MqttOutput("mqtt-main", collector, new Settings("127.0.0.1", 1883, version, null, null,
                null, null, null, null, null, 10));
        outputs.add(out);
        return out;
    }

    private Batch batch(long sequence) {
        return new Batch(collector, sequence, TestBatches.heatAndWater(sequence).readouts());
    }

    /** What arrives within a second of the last message, ours only, in order, by topic. */
    private Map<String, List<JsonNode>> drain() throws Exception {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        Optional<Mqtt5Publish> p;
        while ((p = received.receive(1, TimeUnit.SECONDS)).isPresent()) {
            String topic = p.get().getTopic().toString();
            if (!topic.startsWith("openamr/" + collector + "/") && !topic.startsWith("homeassistant/sensor/" + collector + "_")) {
                continue;
            }
            if (topic.startsWith("homeassistant/")) {
                retainedTopics.add(topic);
            }
            out.computeIfAbsent(topic, t -> new ArrayList<>())
                    .add(JSON.readTree(new String(p.get().getPayloadAsBytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void oneJsonMessagePerReadoutAndDiscoveryForEnergyAndVolume() throws Exception {
        output("5").deliver(batch(1));
        Map<String, List<JsonNode>> messages = drain();

        String heatTopic = "openamr/" + collector + "/12345678";
        String waterTopic = "openamr/" + collector + "/87654321";
        String energyConfig = "homeassistant/sensor/" + collector + "_12345678_energy/config";
        String heatVolumeConfig = "homeassistant/sensor/" + collector + "_12345678_volume/config";
        String waterConfig = "homeassistant/sensor/" + collector + "_87654321_volume/config";
        assertThat(messages.keySet()).containsExactlyInAnyOrder(heatTopic, waterTopic, energyConfig, heatVolumeConfig, waterConfig);
        assertThat(messages.values()).allSatisfy(list -> assertThat(list).hasSize(1));

        JsonNode heat = messages.get(heatTopic).get(0);
        assertThat(heat.get("collector").asString()).isEqualTo(collector);
        assertThat(heat.get("manufacturer").asString()).isEqualTo("DFS");
        assertThat(heat.get("medium").asString()).isEqualTo("heat");
        assertThat(heat.get("readAt").asString()).isEqualTo("2026-12-05T10:15:00Z");
        assertThat(heat.get("values")).hasSize(5);
        assertThat(heat.get("values").get(1).get("value").decimalValue()).isEqualTo(new BigDecimal("123456789.000123"));
        assertThat(heat.get("values").get(0).get("unit").asString()).isEqualTo("Gcal");
        assertThat(heat.get("state").get("energy").decimalValue()).isEqualTo(new BigDecimal("1435.801421"));
        assertThat(heat.get("conditions").get(0).get("code").asString()).isEqualTo("LOW_BATTERY");
        assertThat(messages.get(waterTopic).get(0).get("state").get("volume").decimalValue()).isEqualTo(new BigDecimal("42.001"));

        JsonNode energy = messages.get(energyConfig).get(0);
        assertThat(energy.get("device_class").asString()).isEqualTo("energy");
        assertThat(energy.get("unit_of_measurement").asString()).isEqualTo("kWh");
        assertThat(energy.get("state_class").asString()).isEqualTo("total_increasing");
        assertThat(energy.get("state_topic").asString()).isEqualTo(heatTopic);
        assertThat(energy.get("value_template").asString()).isEqualTo("{{ value_json.state.energy }}");
        assertThat(energy.get("unique_id").asString()).isEqualTo("openamr_" + collector + "_12345678_energy");
        assertThat(energy.get("device").get("identifiers").get(0).asString()).isEqualTo("openamr_" + collector + "_12345678");
        assertThat(energy.get("device").get("manufacturer").asString()).isEqualTo("Danfoss");
        JsonNode water = messages.get(waterConfig).get(0);
        assertThat(water.get("device_class").asString()).isEqualTo("water");
        assertThat(water.get("unit_of_measurement").asString()).isEqualTo("m³");

        // the configs are retained: a Home Assistant that subscribes later gets them
        Mqtt5BlockingClient late = Mqtt5Client.builder().identifier("late-" + collector).serverHost("127.0.0.1").buildBlocking();
        late.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes lateReceived = late.publishes(MqttGlobalPublishFilter.ALL)) {
            late.subscribeWith().topicFilter(energyConfig).send();
            Mqtt5Publish retained = lateReceived.receive(5, TimeUnit.SECONDS).orElseThrow();
            assertThat(retained.isRetain()).isTrue();
            assertThat(retained.getTopic().toString()).isEqualTo(energyConfig);
        } finally {
            late.disconnect();
        }
    }

    @Test
    void discoveryGoesOutOncePerConnectionAndAgainAfterAReconnect() throws Exception {
        MqttOutput out = output("5");
        out.deliver(batch(1));
        assertThat(drain().keySet()).filteredOn(t -> t.startsWith("homeassistant/")).hasSize(3);

        out.deliver(batch(2));
        Map<String, List<JsonNode>> second = drain();
        assertThat(second.keySet()).containsExactlyInAnyOrder("openamr/" + collector + "/12345678",
                "openamr/" + collector + "/87654321");

        // another client with the same id takes the session over: the broker drops the output's connection
        Mqtt5BlockingClient usurper = Mqtt5Client.builder().identifier("openamr-" + collector + "-mqtt-main")
                .serverHost("127.0.0.1").buildBlocking();
        usurper.connect();
        usurper.disconnect();
        Thread.sleep(300);

        out.deliver(batch(3));
        assertThat(drain().keySet()).filteredOn(t -> t.startsWith("homeassistant/")).hasSize(3);
    }

    @Test
    void mqtt311WorksToo() throws Exception {
        output("3.1.1").deliver(batch(4));
        Map<String, List<JsonNode>> messages = drain();
        assertThat(messages.get("openamr/" + collector + "/87654321")).singleElement()
                .satisfies(m -> assertThat(m.get("values").get(0).get("value").decimalValue()).isEqualTo(new BigDecimal("42.001")));
        assertThat(messages.keySet()).filteredOn(t -> t.startsWith("homeassistant/")).hasSize(3);
    }

    @Test
    void noBrokerIsRetryable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MqttOutput out = new MqttOutput("mqtt-main", collector, new Settings("127.0.0.1", port, "5", null, null, null,
                null, null, null, null, 5));
        outputs.add(out);
        assertThatThrownBy(() -> out.deliver(batch(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE))
                .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("cannot connect");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new Settings(null, null, "4", null, null, null, null, null, null, null, null))
                .hasMessageContaining("version '4' is not 5 or 3.1.1");
        assertThatThrownBy(() -> new Settings(null, null, null, null, null, null, null, "a/#", null, null, null))
                .hasMessageContaining("topic prefix 'a/#'");
        assertThatThrownBy(() -> new MqttOutput("o", "a/b", new Settings(null, null, null, null, null, null, null, null,
                null, null, null))).hasMessageContaining("collector id 'a/b' cannot be a topic level");
    }
}
