package org.openamr.server.alarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a message is put together from changes, without a server: grouping, order, words and the webhook's JSON. */
class AlarmNoticeTest {

    static final Instant T = Instant.parse("2026-12-10T07:00:00Z");
    static final UUID CHANNEL = UUID.randomUUID();
    static final UUID BUILDING = UUID.randomUUID();
    long ids = 0;

    AlarmChange change(AlarmChange.Change change, RuleKind rule, Long channelId, String label, Instant at) {
        ids++;
        return new AlarmChange(ids, change, at, UUID.randomUUID(), rule, rule.severity(), AlarmObject.Kind.METER,
                UUID.randomUUID(), label, BUILDING, "ул. Тестовая, 1", channelId,
                channelId == null ? null : CHANNEL, channelId == null ? null : "Шлюз подъезда 1", at,
                "no reading since " + at, change == AlarmChange.Change.CLEARED ? at.plusSeconds(60) : null,
                change == AlarmChange.Change.CLEARED ? "a reading came" : null);
    }

    static NoticeTexts texts() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return new NoticeTexts(m);
    }

    static AlarmSubscription subscription(String lang) {
        return new AlarmSubscription(1, UUID.randomUUID(), 1, "manager", "Аварии", null, null, Severity.WARNING,
                Set.of(), true, List.of("a@uk.example.ru"), null, null, ZoneId.of("Europe/Moscow"), 0,
                Locale.forLanguageTag(lang), true, T);
    }

    @Test
    void silenceOf300MetersOnOneChannelIsOneLineNamingTheChannelAndTheCount() {
        List<AlarmChange> changes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            changes.add(change(AlarmChange.Change.RAISED, RuleKind.NO_READINGS, 7L, "кв. " + i, T.plusSeconds(i)));
        }
        AlarmNotice n = AlarmNotice.of(changes);
        assertThat(n.entries()).hasSize(1);
        assertThat(n.raised()).isEqualTo(300);
        AlarmNotice.Group g = (AlarmNotice.Group) n.entries().get(0);
        assertThat(g.count()).isEqualTo(300);
        assertThat(g.first()).isEqualTo(T);
        assertThat(g.last()).isEqualTo(T.plusSeconds(299));

        NoticeTexts texts = texts();
        String ru = texts.body(subscription("ru"), n, new WebLinks("https://amr.example.ru/"));
        assertThat(ru).contains("[Критическая] Канал «Шлюз подъезда 1», 300 приборов: нет показаний (10.12.2026 10:00 – 10.12.2026 10:04)")
                .contains("Новые нештатные ситуации: 300").contains("https://amr.example.ru/alarms\n")
                .doesNotContain("кв. 1");
        String en = texts.body(subscription("en"), n, new WebLinks("https://amr.example.ru"));
        assertThat(en).contains("[Critical] Channel “Шлюз подъезда 1”, 300 meters: no readings");
        assertThat(texts.subject(subscription("ru"), n)).isEqualTo("Аварии: новые нештатные ситуации (300)");
    }

    @Test
    void otherRulesChannelsAndChannelLessObjectsStayApartNewBeforeClearedTheMostSevereFirst() {
        List<AlarmChange> changes = List.of(
                change(AlarmChange.Change.CLEARED, RuleKind.NO_READINGS, 7L, "кв. 1", T),
                change(AlarmChange.Change.RAISED, RuleKind.LOW_BATTERY, 7L, "кв. 2", T.plusSeconds(1)),
                change(AlarmChange.Change.RAISED, RuleKind.NO_READINGS, 7L, "кв. 3", T.plusSeconds(2)),
                change(AlarmChange.Change.RAISED, RuleKind.NO_READINGS, 8L, "кв. 4", T.plusSeconds(3)),
                change(AlarmChange.Change.RAISED, RuleKind.NO_READINGS, null, "кв. 5", T.plusSeconds(4)),
                change(AlarmChange.Change.RAISED, RuleKind.NO_READINGS, null, "кв. 6", T.plusSeconds(5)),
                change(AlarmChange.Change.RAISED, RuleKind.NO_READINGS, 7L, "кв. 7", T.plusSeconds(6)));
        AlarmNotice n = AlarmNotice.of(changes);
        assertThat(n.raised()).isEqualTo(6);
        assertThat(n.cleared()).isEqualTo(1);
        assertThat(n.entries()).extracting(e -> e.getClass().getSimpleName() + " " + e.change() + " " + e.rule()
                + " " + e.count()).containsExactly(
                "Group RAISED NO_READINGS 2",
                "Single RAISED NO_READINGS 1",
                "Single RAISED NO_READINGS 1",
                "Single RAISED NO_READINGS 1",
                "Single RAISED LOW_BATTERY 1",
                "Single CLEARED NO_READINGS 1");
        String body = texts().body(subscription("ru"), n, new WebLinks("http://localhost:8080"));
        assertThat(body).contains("Канал «Шлюз подъезда 1», 2 прибора: нет показаний")
                .contains("[Предупреждение] кв. 2: низкий заряд батареи прибора (10.12.2026 10:00)")
                .contains("Устранены: 1\n[Критическая] кв. 1: нет показаний (10.12.2026 10:01)\n    a reading came");
        assertThat(body.indexOf("Устранены")).isGreaterThan(body.indexOf("кв. 2"));
    }

    @Test
    void anEmailCarriesAtMostAHundredLinesAndCountsTheRest() {
        List<AlarmChange> changes = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            changes.add(change(AlarmChange.Change.RAISED, RuleKind.LEAK, null, "кв. " + i, T.plusSeconds(i)));
        }
        String body = texts().body(subscription("ru"), AlarmNotice.of(changes), new WebLinks("http://x"));
        assertThat(body).contains("кв. 99:").doesNotContain("кв. 100:").contains("… и ещё 30");
    }

    @Test
    void russianNounsAgreeWithTheirCount() {
        String forms = "прибор|прибора|приборов";
        Locale ru = Locale.forLanguageTag("ru");
        assertThat(List.of(1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 300))
                .extracting(n -> n + " " + NoticeTexts.plural(forms, n, ru))
                .containsExactly("1 прибор", "2 прибора", "4 прибора", "5 приборов", "11 приборов", "12 приборов",
                        "14 приборов", "21 прибор", "22 прибора", "25 приборов", "101 прибор", "111 приборов",
                        "300 приборов");
        assertThat(NoticeTexts.plural("meter|meters", 1, Locale.ENGLISH)).isEqualTo("meter");
        assertThat(NoticeTexts.plural("meter|meters", 300, Locale.ENGLISH)).isEqualTo("meters");
    }

    @Test
    void theWebhookBodyIsVersionedAndNamesGroupsAndAlarms() {
        AlarmChange single = change(AlarmChange.Change.RAISED, RuleKind.LEAK, null, "кв. 9, прибор 42", T.plusSeconds(10));
        List<AlarmChange> changes = new ArrayList<>(List.of(single));
        for (int i = 0; i < 3; i++) {
            changes.add(change(AlarmChange.Change.RAISED, RuleKind.NO_READINGS, 7L, "кв. " + i, T.plusSeconds(i)));
        }
        UUID delivery = UUID.randomUUID();
        AlarmSubscription s = subscription("ru");
        JsonNode json = JsonMapper.builder().build().readTree(WebhookBody.json(delivery, s, T,
                AlarmNotice.of(changes), new WebLinks("https://amr.example.ru")));
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("delivery").asString()).isEqualTo(delivery.toString());
        assertThat(json.get("subscription").asString()).isEqualTo(s.publicId().toString());
        assertThat(json.get("raised").asInt()).isEqualTo(4);
        JsonNode group = json.get("entries").get(0);
        assertThat(group.get("type").asString()).isEqualTo("group");
        assertThat(group.get("channel").get("name").asString()).isEqualTo("Шлюз подъезда 1");
        assertThat(group.get("count").asInt()).isEqualTo(3);
        assertThat(group.get("alarms").size()).isEqualTo(3);
        assertThat(group.get("label").get("ru").asString()).isEqualTo("Нет показаний");
        assertThat(group.get("building").get("address").asString()).isEqualTo("ул. Тестовая, 1");
        assertThat(group.get("link").asString()).isEqualTo("https://amr.example.ru/alarms?channel=" + CHANNEL);
        JsonNode alarm = json.get("entries").get(1);
        assertThat(alarm.get("type").asString()).isEqualTo("alarm");
        assertThat(alarm.get("alarm").asString()).isEqualTo(single.alarm().toString());
        assertThat(alarm.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alarm.get("label").get("en").asString()).isEqualTo("Leak: consumption in every hour");
        assertThat(alarm.get("object").get("label").asString()).isEqualTo("кв. 9, прибор 42");
        assertThat(alarm.get("channel").isNull()).isTrue();
        assertThat(alarm.get("clearedAt").isNull()).as("present, and null while open").isTrue();
        assertThat(alarm.get("raisedAt").asString()).isEqualTo(T.plusSeconds(10).toString());
        assertThat(alarm.get("link").asString()).isEqualTo("https://amr.example.ru/alarms/" + single.alarm());
    }

    @Test
    void theSignatureIsHmacSha256InHex() {
        // RFC 4231, test case 2
        assertThat(WebhookClient.sign("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void quietHoursMayCrossMidnight() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(0, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(lunch.contains(LocalTime.of(13, 0))).isTrue();
        assertThat(lunch.contains(LocalTime.of(14, 0))).isFalse();
        assertThat(lunch.contains(LocalTime.of(23, 0))).isFalse();
    }
}
