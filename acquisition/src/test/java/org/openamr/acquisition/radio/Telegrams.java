package org.openamr.acquisition.radio;

import java.util.HexFormat;

/** Real wireless telegrams with known decodes, shared by the radio tests. */
final class Telegrams {

    /** jMBus's test telegram with one encrypted block (mode 5), ELS 11223344, key 000102…0F (MPL-2.0). */
    static final String MODE5 = "284493154433221101377A0F00102549DECB4A1076DFBC336BCDA4CF560037426CBF2C046D112AC423";
    static final String MODE5_KEY = "000102030405060708090A0B0C0D0E0F";
    /** Danfoss Sonometer 1100 (Diehl PRIOS, public default key), DFS 41494068: 24007 kWh (wmbusmeters issue 1253). */
    static final String SONOMETER = "3944D3102F04684049417ACE502BD0DCC3F55D144EF906B1FB0B0948DBCE7AFACC254E924C07184513"
            + "993ED3BA50730516C23ADB186C747AF724";

    private Telegrams() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.toLowerCase());
    }

    /** MODE5 as a repeater relays it: the hop counter bit of the configuration field set. */
    static byte[] mode5Relayed() {
        byte[] b = bytes(MODE5);
        b[13] |= 0x01;
        return b;
    }
}
