package org.openamr.simulator.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsWhatPeopleTypeAndWritesItBack() {
        assertThat(DurationText.parse("120s")).isEqualTo(Duration.ofSeconds(120));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("1m30s250ms")).isEqualTo(Duration.ofMillis(90_250));
        assertThat(DurationText.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        for (String s : new String[] {"2m", "1h30m", "1d2h3m4s5ms", "500ms", "0s"}) {
            assertThat(DurationText.format(DurationText.parse(s))).isEqualTo(s);
        }
        assertThat(DurationText.format(Duration.ofSeconds(120))).isEqualTo("2m");
    }

    @Test
    void anythingElseNamesTheFormsThatWork() {
        for (String bad : new String[] {"", "10", "1x", "m", "1.5h", "30m1h", "PTxH"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("120s");
        }
        assertThatThrownBy(() -> DurationText.parse("99999999999999999999d")).hasMessageContaining("too long");
    }
}
