package org.openamr.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page and the JSON from a status made up here: a wired bus, and an output failing over to its backup. */
class StatusPageTest {

    private static final Instant AT = Instant.parse("2026-12-06T04:00:00Z");

    private static Status status() {
        return new Status("lenina-12", ZoneId.of("Europe/Moscow"), AT,
                List.of(new Status.InputRow("basement", "mbus", "tcp://10.0.0.5:10001", 3, Optional.of(AT.minusSeconds(60)),
                        OptionalInt.empty(), 3, 3, Map.of("TimeoutException", 2L))),
                List.of(new Status.OutputRow("server", "server", 120, Optional.empty(), Optional.of(AT),
                        Optional.of("REFUSED: HTTP 500 <html><script>alert(\"x\")</script></html>"), 4, 2, 3,
                        Optional.of("usb"), true)),
                new Status.StoreRow(Path.of("/var/lib/openamr/c.db"), 3L << 20, 2L << 30, Optional.of(Duration.ofDays(400)),
                        Map.of("decoded", 3L), 17),
                "collector:\n  id: lenina-12\n", List.of("first", "second <i>"));
    }

    @Test
    void aWiredBusAndABackupInUseAreShownAndEveryAnswerIsEscaped() {
        String page = StatusPage.page(status(), Lang.EN);
        String input = StatusServerTest.section(page, "input-basement");
        assertThat(input).contains("wired M-Bus").contains("<dt>Bus</dt>").contains("<dd class=\"meters\">3</dd>")
                .contains("2026-12-06 06:59:00 Europe/Moscow").contains("TimeoutException: 2").doesNotContain("RSSI");
        String output = StatusServerTest.section(page, "output-server");
        assertThat(output).contains("usb — <span class=\"warn\">in use</span>").contains("4 + 2 through the backup")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(StatusServerTest.section(page, "store")).contains("<dd class=\"size\">3.0 MB</dd>")
                .contains("<dd class=\"cap\">2.0 GB</dd>").contains("<span class=\"warn\">17</span>");
        assertThat(page.indexOf("second &lt;i&gt;")).as("newest log line first").isLessThan(page.indexOf("first\n"));
        String ru = StatusPage.page(status(), Lang.RU);
        assertThat(ru).contains("проводная M-Bus").contains("usb — <span class=\"warn\">используется</span>")
                .contains("Недоставленных показаний удалено ради места");
    }

    @Test
    void theJsonCarriesTheSameFiguresAndNullsForNever() throws Exception {
        JsonNode json = JsonMapper.builder().build().readTree(StatusJson.of(status()));
        JsonNode out = json.get("outputs").get(0);
        assertThat(out.get("lastSuccess").isNull()).isTrue();
        assertThat(out.get("lastErrorAt").asString()).isEqualTo("2026-12-06T04:00:00Z");
        assertThat(out.get("lastError").asString()).contains("<script>alert(\"x\")");
        assertThat(out.get("backupInUse").asBoolean()).isTrue();
        assertThat(out.get("throughBackup").asLong()).isEqualTo(2);
        JsonNode in = json.get("inputs").get(0);
        assertThat(in.get("lastRssiDbm").isNull()).isTrue();
        assertThat(in.get("errors").get("TimeoutException").asLong()).isEqualTo(2);
        assertThat(json.get("store").get("droppedUndelivered").asLong()).isEqualTo(17);
    }
}
