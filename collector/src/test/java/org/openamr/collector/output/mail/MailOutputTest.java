package org.openamr.collector.output.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.output.TestBatches;
import org.openamr.collector.output.csv.ReadingsCsv;
import org.openamr.collector.output.mail.MailOutput.Security;
import org.openamr.collector.output.mail.MailOutput.Settings;

/** Against GreenMail's SMTP server on a free port; refusals other than a bad login from a scripted SMTP peer. */
class MailOutputTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("collector@example.org", "collector", "secret"))
            .withPerMethodLifecycle(true);

    private MailOutput output(int port, String password) {
        return new MailOutput("mail-main", TestBatches.COLLECTOR, new Settings("127.0.0.1", port, Security.NONE,
                "collector", password, "collector@example.org", List.of("billing@example.org", "Ops <ops@example.org>"),
                null, null, 10, "UTC"));
    }

    @Test
    void mailsTheCsvWithCollectorAndPeriodInTheSubject() throws Exception {
        Batch batch = TestBatches.heatAndWater(21);
        output(GREENMAIL.getSmtp().getPort(), "secret").deliver(batch);

        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient's mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("OpenAMR lenina-12: readings 2026-12-05 10:15 – 2026-12-05 10:30");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("collector@example.org");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("billing@example.org", "Ops <ops@example.org>");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("batch 21").contains("2 readouts, 6 values");
        BodyPart csv = parts.getBodyPart(1);
        assertThat(csv.getFileName()).isEqualTo("lenina-12_mail-main_20261205103000_21.csv");
        assertThat(csv.getContentType()).startsWith("text/csv");
        byte[] bytes = csv.getInputStream().readAllBytes();
        assertThat(bytes).isEqualTo(ReadingsCsv.write(batch, java.time.ZoneOffset.UTC));
        assertThat(TestBatches.rows(bytes)).isEqualTo(TestBatches.expectedRows(batch));
        assertThat(mail.getMessageID()).isEqualTo("<lenina-12.mail-main.21@example.org>");
    }

    @Test
    void aBatchSentAgainKeepsItsMessageId() throws Exception {
        MailOutput out = output(GREENMAIL.getSmtp().getPort(), "secret");
        out.deliver(TestBatches.heatAndWater(22));
        out.deliver(TestBatches.heatAndWater(22));
        out.deliver(TestBatches.heatAndWater(23));
        // two mailboxes, each with the batch twice and the next batch once
        assertThat(GREENMAIL.getReceivedMessages()).extracting(MimeMessage::getMessageID).containsExactlyInAnyOrder(
                "<lenina-12.mail-main.22@example.org>", "<lenina-12.mail-main.22@example.org>",
                "<lenina-12.mail-main.22@example.org>", "<lenina-12.mail-main.22@example.org>",
                "<lenina-12.mail-main.23@example.org>", "<lenina-12.mail-main.23@example.org>");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersAnswer() {
        assertThatThrownBy(() -> output(GREENMAIL.getSmtp().getPort(), "wrong").deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("535");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerWithoutStarttlsIsRefusedWhenTheSettingsRequireIt() {
        MailOutput out = new MailOutput("mail-main", TestBatches.COLLECTOR, new Settings("127.0.0.1",
                GREENMAIL.getSmtp().getPort(), Security.STARTTLS, "collector", "secret", "collector@example.org",
                List.of("billing@example.org"), null, null, 10, "UTC"));
        assertThatThrownBy(() -> out.deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("does not offer STARTTLS");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aStoppedServerIsRetryable() {
        int port = GREENMAIL.getSmtp().getPort();
        GREENMAIL.stop();
        assertThatThrownBy(() -> output(port, "secret").deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE))
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void anUnknownRecipientIsRefusedAndAGreylistingAnswerRetried() throws Exception {
        try (ScriptedSmtp smtp = new ScriptedSmtp("550 5.1.1 <billing@example.org>: Recipient address rejected")) {
            MailOutput out = new MailOutput("m", "c1", new Settings("127.0.0.1", smtp.port(), null, null, null,
                    "c@example.org", List.of("billing@example.org"), null, null, 10, null));
            assertThatThrownBy(() -> out.deliver(new Batch("c1", 1, TestBatches.heatAndWater(1).readouts())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                    .hasMessageContaining("550 5.1.1 <billing@example.org>: Recipient address rejected");
        }
        try (ScriptedSmtp smtp = new ScriptedSmtp("450 4.2.0 Greylisted, try again later")) {
            MailOutput out = new MailOutput("m", "c1", new Settings("127.0.0.1", smtp.port(), null, null, null,
                    "c@example.org", List.of("billing@example.org"), null, null, 10, null));
            assertThatThrownBy(() -> out.deliver(new Batch("c1", 1, TestBatches.heatAndWater(1).readouts())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE))
                    .hasMessageContaining("450 4.2.0 Greylisted");
        }
    }

    @Test
    void invalidAddressesAreNamed() {
        assertThatThrownBy(() -> new Settings("h", null, null, null, null, "not an address", List.of("a@example.org"),
                null, null, null, null)).hasMessageContaining("'from' address 'not an address' is not valid");
        assertThatThrownBy(() -> new Settings("h", null, null, null, null, "a@example.org", List.of("b@example.org", "x@"),
                null, null, null, null)).hasMessageContaining("'to' address 'x@'");
        assertThatThrownBy(() -> new Settings("h", null, null, null, null, "a@example.org", List.of(), null, null, null, null))
                .hasMessageContaining("no recipient");
        assertThat(new Settings("h", null, Security.STARTTLS, null, null, "a@example.org", List.of("b@example.org"),
                null, null, null, null).port()).isEqualTo(587);
    }

    /** An SMTP peer that greets, says yes to EHLO and MAIL, and answers RCPT with the given line. */
    private static final class ScriptedSmtp implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final Thread thread;

        ScriptedSmtp(String rcptAnswer) throws IOException {
            thread = new Thread(() -> {
                try (Socket s = socket.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                     PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                    out.print("220 scripted ESMTP\r\n");
                    out.flush();
                    String line;
                    while ((line = in.readLine()) != null) {
                        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                        String answer = switch (verb) {
                            case "EHLO" -> "250 scripted";
                            case "MAIL" -> "250 2.1.0 Ok";
                            case "RCPT" -> rcptAnswer;
                            case "RSET" -> "250 2.0.0 Ok";
                            case "QUIT" -> "221 2.0.0 Bye";
                            default -> "502 5.5.2 Error: command not recognized";
                        };
                        out.print(answer + "\r\n");
                        out.flush();
                        if (verb.equals("QUIT")) {
                            return;
                        }
                    }
                } catch (IOException ignored) {
                    // the client hung up: the test is over
                }
            }, "scripted-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
