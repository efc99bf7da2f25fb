package org.openamr.collector.output.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMultipart;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.output.TestBatches;
import org.openamr.collector.output.mail.MailOutput.Security;
import org.openamr.collector.output.mail.MailOutput.Settings;
import org.openamr.collector.output.tls.PinnedCertificate;

/** SMTP over TLS against GreenMail's SMTPS, whose self-signed certificate is trusted by its pinned hash. */
class MailOutputTlsTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("collector@example.org", "collector", "secret"))
            .withPerMethodLifecycle(true);

    /** What the server presents, read the way a person would before pinning it. */
    private static String serverFingerprint(int port) throws Exception {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return PinnedCertificate.fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    private MailOutput output(String pin) {
        return new MailOutput("mail-tls", TestBatches.COLLECTOR, new Settings("127.0.0.1", GREENMAIL.getSmtps().getPort(),
                Security.TLS, "collector", "secret", "collector@example.org", List.of("billing@example.org"), null, pin,
                10, "UTC"));
    }

    @Test
    void sendsOverTlsToThePinnedCertificate() throws Exception {
        Batch batch = TestBatches.heatAndWater(31);
        output(serverFingerprint(GREENMAIL.getSmtps().getPort())).deliver(batch);
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
        MimeMultipart parts = (MimeMultipart) GREENMAIL.getReceivedMessages()[0].getContent();
        assertThat(TestBatches.rows(parts.getBodyPart(1).getInputStream().readAllBytes()))
                .isEqualTo(TestBatches.expectedRows(batch));
    }

    @Test
    void anotherCertificateIsRefused() {
        assertThatThrownBy(() -> output("00".repeat(32)).deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("TLS handshake failed");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSelfSignedCertificateIsNotTrustedWithoutItsPin() {
        assertThatThrownBy(() -> output(null).deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("TLS handshake failed");
    }
}
