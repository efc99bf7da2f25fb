package org.openamr.wmbus.mfct;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Decoding;
import org.openamr.wmbus.WirelessTelegram;

/** Apator 16-2 telegrams of m-bus-parser's vectors 10 and 13 (MIT), and what a register of unknown size does. */
class Apator162Test {

    /** Register 43 (2 bytes) and 83 (10 bytes) before the volume register 10: 0x00000F03 l. */
    static final String WITH_EVENTS = "6E4401062020202005077A9A0060852F2F0F0A734393CC0000435B0183001A54E06F630291342510030F"
            + "00007B013E0B00003E0B00003E0B00003E0B00003E0B00003E0B00003E0B0000650000003D0000003D0000003D00000000000000A"
            + "0910CB003FFFFFFFFFFFFFFFFFFFFA62B";

    @Test
    void theTotalVolumeRegisterBecomesAVolumeRecord() throws Exception {
        WirelessTelegram t = Decoding.decode(WITH_EVENTS);
        assertThat(Decoding.values(t)).containsExactly("3.843 m3");
        // The record stands where its register number does.
        assertThat(t.records().records().get(0).offset()).isEqualTo(39);
        assertThat(t.records().manufacturerData()).isNotEmpty();
        assertThat(t.warnings()).noneMatch(w -> w.contains("Apator"));
    }

    @Test
    void aRegisterOfUnknownSizeBeforeTheVolumeStopsTheWalkWithoutAValue() throws Exception {
        // Register 43 replaced by 45, whose size is not known: the volume after it must not be guessed.
        String unknown = WITH_EVENTS.replace("0000435B0183", "0000455B0183");
        WirelessTelegram t = Decoding.decode(unknown);
        assertThat(t.records().records()).isEmpty();
        assertThat(t.warnings()).anyMatch(w -> w.contains("register 45") && w.contains("size unknown"));
    }

    @Test
    void otherMetersManufacturerDataIsLeftAlone() throws Exception {
        // The same bytes from another version of the module are not read as registers.
        WirelessTelegram t = Decoding.decode(WITH_EVENTS.replace("2020202005077A", "2020202004077A"));
        assertThat(t.records().records()).isEmpty();
    }

    @Test
    void theSizeTableCoversTheRegistersSeenInTheVectors() {
        assertThat(Apator162.knownRegisters()).contains(0x10, 0x43, 0x83, 0x87, 0x41, 0x75, 0x7B, 0xA0);
    }
}
