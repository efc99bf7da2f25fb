package org.openamr.simulator.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RadioSettingsTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private static RadioSettings with(int meters, Duration interval, Duration jitter, Duration period) {
        return new RadioSettings(1, meters, RadioSecurity.MIXED, interval, jitter, START, period);
    }

    @Test
    void impossibleSettingsAreRefusedWithWhatIsWrong() {
        Duration s120 = Duration.ofSeconds(120);
        assertThatThrownBy(() -> with(0, s120, Duration.ZERO, null)).hasMessage("meters must be 1..5000, got 0");
        assertThatThrownBy(() -> with(1, Duration.ofMillis(500), Duration.ZERO, null))
                .hasMessage("the transmit interval must be at least 1 s, got 500ms");
        assertThatThrownBy(() -> with(1, s120, Duration.ofSeconds(60), null))
                .hasMessage("the jitter must be 0 or more and less than half the interval (2m), got 1m");
        assertThatThrownBy(() -> with(1, s120, Duration.ZERO, Duration.ZERO))
                .hasMessage("the period must be longer than 0, got 0s");
        assertThatThrownBy(() -> RadioSecurity.parse("6")).hasMessage("security is 5, 7 or mixed, got '6'");
    }

    @Test
    void theDescriptionNamesEverySettingAndTheDefaultJitterIsATenth() {
        RadioSettings s = with(20, Duration.ofSeconds(120), RadioSettings.defaultJitter(Duration.ofSeconds(120)),
                Duration.ofHours(1));
        assertThat(s.describe()).isEqualTo("seed 1, 20 meters, security mixed, interval 2m ± 12s, from "
                + "2026-11-24T10:00:00Z for 1h");
        assertThat(s.end()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(with(1, Duration.ofSeconds(120), Duration.ZERO, null).describe()).contains("1 meter,")
                .endsWith("without end");
    }
}
