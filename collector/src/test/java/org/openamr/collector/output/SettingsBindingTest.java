package org.openamr.collector.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.collector.output.ftp.FtpOutput;
import org.openamr.collector.output.mail.MailOutput;
import org.openamr.collector.output.mqtt.MqttOutput;
import org.openamr.collector.output.sftp.SftpOutput;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The settings records bind from the configuration's keys, as the collector's configuration binds them. */
class SettingsBindingTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void ftp() {
        FtpOutput.Settings s = JSON.readValue("""
                {"host":"ftp.example.org","security":"explicit","user":"u","password":"p","directory":"in",
                 "certificateFingerprint":"%s"}""".formatted("ab".repeat(32)), FtpOutput.Settings.class);
        assertThat(s.security()).isEqualTo(FtpOutput.Security.EXPLICIT);
        assertThat(s.port()).isEqualTo(21);
        assertThat(s.timeoutSeconds()).isEqualTo(30);
        assertThat(s.zone()).isEqualTo("UTC");
        assertThatThrownBy(() -> JSON.readValue("{\"host\":\"h\",\"security\":\"ssl\",\"user\":\"u\"}",
                FtpOutput.Settings.class)).hasMessageContaining("security 'ssl' is not NONE, EXPLICIT or IMPLICIT");
        assertThatThrownBy(() -> JSON.readValue("{\"host\":\"h\",\"user\":\"u\",\"pasword\":\"p\"}",
                FtpOutput.Settings.class)).hasMessageContaining("pasword");
    }

    @Test
    void sftp() {
        SftpOutput.Settings s = JSON.readValue("""
                {"host":"h","user":"u","password":"p","hostKeyFingerprint":"SHA256:abc","directory":"/up"}""",
                SftpOutput.Settings.class);
        assertThat(s.port()).isEqualTo(22);
        assertThat(s.knownHosts()).endsWith("known_hosts");
    }

    @Test
    void mail() {
        MailOutput.Settings s = JSON.readValue("""
                {"host":"smtp.example.org","security":"STARTTLS","from":"c@example.org",
                 "to":["a@example.org","Heat <h@example.org>"]}""", MailOutput.Settings.class);
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.to()).isEqualTo(List.of("a@example.org", "Heat <h@example.org>"));
        assertThatThrownBy(() -> JSON.readValue("{\"host\":\"h\",\"from\":\"c@example.org\",\"to\":[\"nobody\"]}",
                MailOutput.Settings.class)).hasMessageContaining("'to' address 'nobody'");
    }

    @Test
    void mqtt() {
        MqttOutput.Settings s = JSON.readValue("{\"version\":\"3.1.1\",\"homeAssistant\":false}", MqttOutput.Settings.class);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(1883);
        assertThat(s.homeAssistant()).isFalse();
        assertThat(s.discoveryPrefix()).isEqualTo("homeassistant");
    }
}
