package org.openamr.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineSettingsTest {

    @Test
    void aBaudRateAloneMeansMBusFraming() {
        assertThat(LineSettings.parse("2400")).isEqualTo(new LineSettings(2400, 8, 'E', 1));
        assertThat(LineSettings.parse(" 300 ")).isEqualTo(LineSettings.mbus(300));
    }

    @Test
    void theShortFormNamesDataBitsParityAndStopBits() {
        assertThat(LineSettings.parse("9600,8N1")).isEqualTo(new LineSettings(9600, 8, 'N', 1));
        assertThat(LineSettings.parse("19200,8o2")).isEqualTo(new LineSettings(19200, 8, 'O', 2));
        assertThat(LineSettings.parse("38400,7E1").toString()).isEqualTo("38400,7E1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "2400,8X1", "2400,9E1", "2400,8E3", "2400;8E1", "2400,8E"})
    void aMalformedFormIsRefusedShowingTheExpectedShape(String text) {
        assertThatThrownBy(() -> LineSettings.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("written like 2400 or 2400,8E1")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void aBaudRateOutOfRangeIsRefusedNamingIt() {
        assertThatThrownBy(() -> LineSettings.parse("10")).hasMessage("baud rate 10 is out of range");
        assertThatThrownBy(() -> LineSettings.mbus(2_000_000)).hasMessage("baud rate 2000000 is out of range");
    }
}
