package org.openamr.mbus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManufacturerNamesTest {

    @Test
    void knownCodesAreNamedAndUnknownOnesStayCodes() {
        assertThat(ManufacturerNames.shown("DFS")).isEqualTo("Danfoss");
        assertThat(ManufacturerNames.shown("KAM")).isEqualTo("Kamstrup");
        assertThat(ManufacturerNames.of("XYZ")).isEmpty();
        assertThat(ManufacturerNames.shown("XYZ")).isEqualTo("XYZ");
        assertThat(ManufacturerNames.shown(null)).isEmpty();
    }

    @Test
    void everyListedCodeEncodesAsAManufacturerField() {
        for (String code : new String[] {"DFS", "KAM", "ZRI", "TCH", "QDS", "APA"}) {
            assertThat(ManufacturerCode.decode(ManufacturerCode.encode(code))).isEqualTo(code);
            assertThat(ManufacturerNames.of(code)).isPresent();
        }
    }
}
