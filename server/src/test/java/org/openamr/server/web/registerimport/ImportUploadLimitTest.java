package org.openamr.server.web.registerimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.support.FormSession;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An upload far above every limit is answered by the import page in the reader's language, not by a 500. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportUploadLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    World w;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
    }

    @Test
    void aTwentyMegabyteFileIsRefusedByTheImportPageWith413() {
        FormSession browser = new FormSession(port);
        browser.login("admin", "correct horse battery");
        String page = browser.get("/import?lang=en").body();
        Matcher action = Pattern.compile("action=\"(/import\\?_csrf=[^\"]+)\"").matcher(page);
        assertThat(action.find()).as(page).isTrue();
        String boundary = "----openamr-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"building\"\r\n\r\n"
                + w.buildingA + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[20 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // several times: when the server closed the connection on the unread rest of the upload, the answer was
        // lost to the connection's reset in about half of the tries
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(
                            browser.uri(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            assertThat(r.statusCode()).as("attempt %d: %s", attempt, r.body()).isEqualTo(413);
            assertThat(r.body()).contains("The file is larger than the server accepts; at most 2,048 KB");
        }
    }
}
