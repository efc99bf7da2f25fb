package org.openamr.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void theBrowsersPreferenceDecidesWithItsWeights() {
        assertThat(Lang.accepted("ru-RU,ru;q=0.9,en-US;q=0.8")).isEqualTo(Lang.RU);
        assertThat(Lang.accepted("en;q=0.5,ru;q=0.9")).isEqualTo(Lang.RU);
        assertThat(Lang.accepted("de-DE,en;q=0.7,ru;q=0.3")).isEqualTo(Lang.EN);
        assertThat(Lang.accepted("ru;q=0,en;q=0.1")).isEqualTo(Lang.EN);
        assertThat(Lang.accepted("fr")).isEqualTo(Lang.EN);
        assertThat(Lang.accepted(null)).isEqualTo(Lang.EN);
        assertThat(Lang.accepted(";;;q=x")).isEqualTo(Lang.EN);
    }

    @Test
    void everyTextIsInBothLanguages() {
        assertThat(Texts.RU.keySet()).isEqualTo(Texts.EN.keySet());
        Texts.RU.forEach((k, v) -> assertThat(v).as(k).isNotBlank().isNotEqualTo(k));
        assertThat(Texts.get(Lang.RU, "outcome.new-kind")).isEqualTo("outcome.new-kind");
    }

    @Test
    void theParameterNamesALanguageOrNothing() {
        assertThat(Lang.parameter("RU")).contains(Lang.RU);
        assertThat(Lang.parameter("en")).contains(Lang.EN);
        assertThat(Lang.parameter("de")).isEmpty();
        assertThat(StatusServer.parameter("a=1&lang=ru&lang=en", "lang")).isEqualTo("ru");
        assertThat(StatusServer.parameter("language=ru", "lang")).isNull();
    }
}
