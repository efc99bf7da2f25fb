package org.openamr.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openamr.server.support.FormSession;
import org.openamr.server.support.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** {@code openamr.api-docs.public=true} (the demo's default): the API description is open to everybody. */
@ServerTest
@TestPropertySource(properties = "openamr.api-docs.public=true")
class PublicApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void theApiDescriptionAndSwaggerUiNeedNoSignIn() {
        FormSession anonymous = new FormSession(port);
        var docs = anonymous.getApi("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
        assertThat(anonymous.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
