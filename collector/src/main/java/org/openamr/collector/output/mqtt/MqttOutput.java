package org.openamr.collector.output.mqtt;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.output.mqtt.MqttMessages.Discovery;

/**
 * Publishes each meter readout of a batch as one JSON message ({@link MqttMessages#state}) to
 * {@code <topicPrefix>/<collector>/<meter id>} with QoS 1, over MQTT 5 or 3.1.1. The batch counts as delivered
 * only when every message got its PUBACK (with MQTT 5, a PUBACK without an error reason code). Before a meter's
 * first state message of a connection, the Home Assistant discovery configs of its energy and volume go out
 * retained, so that Home Assistant knows the sensor before its first value; after a reconnect they go out again
 * (a broker that lost its retained messages, or a Home Assistant restarted meanwhile, learns them anew).
 *
 * <p>The connection stays open between batches (MQTT is made for that); a broker that went away is reconnected
 * at the next batch. Refused connections (bad user or password, not authorised) are refused, anything else
 * (no broker, a timeout, a lost connection) retryable.
 */
public final class MqttOutput implements Output {

    /**
     * @param host            the broker, default {@code 127.0.0.1}
     * @param port            default 1883, or 8883 with TLS
     * @param version         {@code 5} (default) or {@code 3.1.1}
     * @param tls             TLS with the JVM's trusted authorities, default false
     * @param user            login name, if the broker wants one
     * @param password        login password
     * @param clientId        default {@code openamr-<collector>-<output name>}
     * @param topicPrefix     default {@code openamr}
     * @param homeAssistant   Home Assistant discovery on or off, default on
     * @param discoveryPrefix Home Assistant's discovery prefix, default {@code homeassistant}
     * @param timeoutSeconds  for connecting and for the PUBACKs of a batch, default 30
     */
    public record Settings(String host, Integer port, String version, Boolean tls, String user, String password,
                           String clientId, String topicPrefix, Boolean homeAssistant, String discoveryPrefix,
                           Integer timeoutSeconds) {

        public Settings {
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            tls = tls != null && tls;
            port = port == null ? (tls ? 8883 : 1883) : port;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("MQTT output: port " + port + " is not between 1 and 65535");
            }
            version = version == null ? "5" : version;
            if (!version.equals("5") && !version.equals("3.1.1")) {
                throw new IllegalArgumentException("MQTT output: version '" + version + "' is not 5 or 3.1.1");
            }
            if (password != null && (user == null || user.isEmpty())) {
                throw new IllegalArgumentException("MQTT output: a password needs a user");
            }
            topicPrefix = topicPrefix == null ? "openamr" : topicPrefix;
            discoveryPrefix = discoveryPrefix == null ? "homeassistant" : discoveryPrefix;
            for (String prefix : List.of(topicPrefix, discoveryPrefix)) {
                if (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("+")
                        || prefix.contains("#")) {
                    throw new IllegalArgumentException("MQTT output: topic prefix '" + prefix
                            + "' must be non-empty, without wildcards and without a leading or trailing '/'");
                }
            }
            homeAssistant = homeAssistant == null || homeAssistant;
            timeoutSeconds = timeoutSeconds == null ? 30 : timeoutSeconds;
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("MQTT output: timeoutSeconds " + timeoutSeconds + " is not positive");
            }
        }
    }

    private final String name;
    private final String collectorId;
    private final Settings settings;
    private Link link;
    /** Discovery topics already sent on the current connection. */
    private final Set<String> announced = new HashSet<>();

    public MqttOutput(String name, String collectorId, Settings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
        this.settings = Objects.requireNonNull(settings, "settings");
        // meter ids are made topic-safe; the collector's id is the configuration's and must already be
        if (collectorId.isBlank() || !MqttMessages.topicPart(collectorId).equals(collectorId)) {
            throw new IllegalArgumentException("MQTT output: collector id '" + collectorId
                    + "' cannot be a topic level: use letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Batch batch) throws DeliveryException {
        if (!batch.collector().equals(collectorId)) {
            throw new IllegalArgumentException("batch of collector '" + batch.collector() + "' given to output '" + name
                    + "' of collector '" + collectorId + "'");
        }
        Link connected = connected();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        Set<String> announcing = new LinkedHashSet<>();
        for (MeterReadout readout : batch.readouts()) {
            if (settings.homeAssistant()) {
                for (Discovery d : MqttMessages.discovery(settings.discoveryPrefix(), settings.topicPrefix(),
                        collectorId, readout)) {
                    if (!announced.contains(d.topic()) && announcing.add(d.topic())) {
                        acks.add(connected.publish(d.topic(), d.payload(), true));
                    }
                }
            }
            acks.add(connected.publish(MqttMessages.stateTopic(settings.topicPrefix(), collectorId, readout.meter()),
                    MqttMessages.state(collectorId, readout), false));
        }
        await(CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])), "PUBACK for " + acks.size()
                + " messages of batch " + batch.sequence());
        announced.addAll(announcing);
    }

    /** The open connection, or a new one (then every discovery config is sent again). */
    private Link connected() throws DeliveryException {
        if (link != null && link.isConnected()) {
            return link;
        }
        if (link != null) {
            link.disconnect();
        }
        link = null;
        announced.clear();
        Link fresh = settings.version().equals("5") ? new Mqtt5Link(settings, clientId()) : new Mqtt3Link(settings, clientId());
        await(fresh.connect(), "connection to " + where());
        link = fresh;
        return fresh;
    }

    private String clientId() {
        return settings.clientId() != null ? settings.clientId() : "openamr-" + collectorId + "-" + name;
    }

    private String where() {
        return "MQTT " + settings.host() + ":" + settings.port();
    }

    private void await(CompletableFuture<?> future, String what) throws DeliveryException {
        try {
            future.get(settings.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            dropLink();
            throw new DeliveryException(Kind.RETRYABLE, where() + ": no " + what + " within "
                    + settings.timeoutSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(Kind.RETRYABLE, where() + ": interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            dropLink();
            if (cause instanceof Mqtt5ConnAckException) {
                throw new DeliveryException(Kind.REFUSED, where() + " refused the connection: "
                        + ((Mqtt5ConnAckException) cause).getMqttMessage().getReasonCode()
                        + ((Mqtt5ConnAckException) cause).getMqttMessage().getReasonString().map(r -> " (" + r + ")").orElse(""), cause);
            }
            if (cause instanceof Mqtt3ConnAckException) {
                throw new DeliveryException(Kind.REFUSED, where() + " refused the connection: "
                        + ((Mqtt3ConnAckException) cause).getMqttMessage().getReturnCode(), cause);
            }
            if (cause instanceof PubAckRefused) {
                throw new DeliveryException(((PubAckRefused) cause).kind, where() + " refused " + cause.getMessage(), cause);
            }
            if (cause instanceof ConnectionFailedException) {
                throw new DeliveryException(Kind.RETRYABLE, where() + ": cannot connect: " + cause.getMessage(), cause);
            }
            throw new DeliveryException(Kind.RETRYABLE, where() + ": " + what + " failed: " + cause, cause);
        }
    }

    private void dropLink() {
        if (link != null) {
            link.disconnect();
            link = null;
        }
        announced.clear();
    }

    @Override
    public void close() {
        dropLink();
    }

    /** An MQTT 5 PUBACK with an error reason (not authorised for the topic, quota, payload format …). */
    private static final class PubAckRefused extends RuntimeException {
        /** A quota or an unspecified error may pass; not authorised, an invalid topic or payload will not. */
        final Kind kind;

        PubAckRefused(String topic, Mqtt5PubAckReasonCode reason) {
            super("the message to " + topic + ": PUBACK " + reason);
            this.kind = reason == Mqtt5PubAckReasonCode.QUOTA_EXCEEDED || reason == Mqtt5PubAckReasonCode.UNSPECIFIED_ERROR
                    || reason == Mqtt5PubAckReasonCode.PACKET_IDENTIFIER_IN_USE ? Kind.RETRYABLE : Kind.REFUSED;
        }
    }

    /** What the two protocol versions have in common here. */
    private interface Link {
        CompletableFuture<Void> connect();

        /** Completes once the broker acknowledged the message (QoS 1), exceptionally if it did not. */
        CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain);

        boolean isConnected();

        void disconnect();
    }

    private static final class Mqtt5Link implements Link {
        private final Mqtt5AsyncClient client;
        private final Settings settings;

        Mqtt5Link(Settings settings, String clientId) {
            this.settings = settings;
            var builder = Mqtt5Client.builder().identifier(clientId).serverHost(settings.host()).serverPort(settings.port());
            if (settings.tls()) {
                builder = builder.sslConfig(MqttClientSslConfig.builder().build());
            }
            this.client = builder.buildAsync();
        }

        @Override
        public CompletableFuture<Void> connect() {
            Mqtt5ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>> c =
                    client.connectWith().cleanStart(true);
            if (settings.user() != null) {
                c = c.simpleAuth().username(settings.user())
                        .password(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8))
                        .applySimpleAuth();
            }
            return c.send().thenApply(ack -> null);
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
            return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload)
                    .contentType("application/json").send().handle((result, failure) -> {
                        // a PUBACK with an error code arrives as a failed future or as the result's error
                        Throwable error = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (error == null && result.getError().isPresent()) {
                            error = result.getError().get();
                        }
                        if (error instanceof Mqtt5PubAckException) {
                            throw new PubAckRefused(topic, ((Mqtt5PubAckException) error).getMqttMessage().getReasonCode());
                        }
                        if (error != null) {
                            throw new CompletionException(error);
                        }
                        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result
                                && ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode().isError()) {
                            throw new PubAckRefused(topic, ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode());
                        }
                        return null;
                    });
        }

        @Override
        public boolean isConnected() {
            return client.getState().isConnected();
        }

        @Override
        public void disconnect() {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
    }

    private static final class Mqtt3Link implements Link {
        private final Mqtt3AsyncClient client;
        private final Settings settings;

        Mqtt3Link(Settings settings, String clientId) {
            this.settings = settings;
            var builder = Mqtt3Client.builder().identifier(clientId).serverHost(settings.host()).serverPort(settings.port());
            if (settings.tls()) {
                builder = builder.sslConfig(MqttClientSslConfig.builder().build());
            }
            this.client = builder.buildAsync();
        }

        @Override
        public CompletableFuture<Void> connect() {
            Mqtt3ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck>> c =
                    client.connectWith().cleanSession(true);
            if (settings.user() != null) {
                c = c.simpleAuth().username(settings.user())
                        .password(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8))
                        .applySimpleAuth();
            }
            return c.send().thenApply(ack -> null);
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
            // with QoS 1 the future completes when the PUBACK arrived
            return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload)
                    .send().thenApply(publish -> null);
        }

        @Override
        public boolean isConnected() {
            return client.getState().isConnected();
        }

        @Override
        public void disconnect() {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
    }
}
