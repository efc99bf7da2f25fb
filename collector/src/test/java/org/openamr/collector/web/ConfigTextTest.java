package org.openamr.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;

class ConfigTextTest {

    @TempDir
    Path dir;

    private static final String YAML = """
            collector:
              id: c1
              store: {path: s.db, maxSize: 2GB}
              web: {port: 8090, user: ops, password: pw-Secret-1}
            outputs:
              - name: mail
                type: mail
                settings: {host: smtp.example.org, user: u@example.org, password: mail-Secret-2, from: a@example.org, to: [b@example.org]}
              - name: sftp
                type: sftp
                settings: {host: h.example.org, user: u, password: sftp-Secret-3, privateKeyPassphrase: pass-Secret-4, hostKeyFingerprint: "SHA256:abc"}
              - name: mqtt
                type: mqtt
                settings: {host: broker, user: u, password: mqtt-Secret-5}
              - name: push
                type: solvimus
                settings: {url: "https://me:url-Secret-6@example.org/x", token: tok-Secret-7}
            """;

    @Test
    void everySecretIsMaskedAndKnown() throws Exception {
        CollectorSettings s = new ConfigLoader(OutputTypes.builtIn()).parse(YAML, dir);
        String text = ConfigText.of(s);
        for (int i = 1; i <= 7; i++) {
            assertThat(text).doesNotContain("Secret-" + i);
        }
        assertThat(text).contains("user: ops").contains("maxSize: 2GB").contains("host: smtp.example.org")
                .contains("me:" + ConfigText.MASK + "@example.org").contains("hostKeyFingerprint");
        assertThat(ConfigText.secrets(s)).contains("pw-Secret-1", "mail-Secret-2", "sftp-Secret-3", "pass-Secret-4",
                "mqtt-Secret-5", "url-Secret-6", "tok-Secret-7");
        assertThat(ConfigText.maskLine("refused: tok-Secret-7 and ftp://x:y-z@h/", ConfigText.secrets(s)))
                .isEqualTo("refused: " + ConfigText.MASK + " and ftp://x:" + ConfigText.MASK + "@h/");
    }

    @Test
    void sizesAndDurationsAreWrittenAsTheFileWritesThem() {
        assertThat(ConfigText.size(2L << 30)).isEqualTo("2GB");
        assertThat(ConfigText.size(65 * 1024)).isEqualTo("65KB");
        assertThat(ConfigText.size(1000)).isEqualTo("1000B");
        assertThat(ConfigText.duration(Duration.ofDays(400))).isEqualTo("400d");
        assertThat(ConfigText.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(ConfigText.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void secretsAreKnownByName() {
        assertThat(ConfigText.secret("password")).isTrue();
        assertThat(ConfigText.secret("privateKeyPassphrase")).isTrue();
        assertThat(ConfigText.secret("privateKey")).isTrue();
        assertThat(ConfigText.secret("token")).isTrue();
        assertThat(ConfigText.secret("host")).isFalse();
        assertThat(ConfigText.secret("hostKeyFingerprint")).isFalse();
    }
}
