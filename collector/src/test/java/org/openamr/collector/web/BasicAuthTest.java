package org.openamr.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

    private final BasicAuth auth = new BasicAuth("admin", "pä:ss wörd");

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheRightUserAndPasswordPass() {
        assertThat(auth.accepts(basic("admin:pä:ss wörd"))).as("a colon inside the password").isTrue();
        assertThat(auth.accepts("basic " + basic("admin:pä:ss wörd").substring(6))).as("scheme in any case").isTrue();
        assertThat(auth.accepts(basic("admin:pä:ss wörd "))).isFalse();
        assertThat(auth.accepts(basic("Admin:pä:ss wörd"))).isFalse();
        assertThat(auth.accepts(basic("admin"))).isFalse();
        assertThat(auth.accepts(basic(":"))).isFalse();
        assertThat(auth.accepts(null)).isFalse();
        assertThat(auth.accepts("Basic")).isFalse();
        assertThat(auth.accepts("Basic %%%")).isFalse();
    }
}
