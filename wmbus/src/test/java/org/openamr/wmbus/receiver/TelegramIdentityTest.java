package org.openamr.wmbus.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.link.Crc16;

class TelegramIdentityTest {

    /** Short header: CI 7A, access number 0F, status 00, configuration 2510 (bytes 10 25). */
    static final String MODE5 = "284493154433221101377A0F00102549DECB4A1076DFBC336BCDA4CF560037426CBF2C046D112AC423";

    @Test
    void withOrWithoutCrcsAndWithAnAppendedRssiItIsTheSameTelegram() {
        byte[] plain = Hex.bytes(MODE5);
        assertThat(TelegramIdentity.of(formatA(plain))).isEqualTo(TelegramIdentity.of(plain));
        assertThat(TelegramIdentity.of(Frames.concat(plain, Hex.bytes("C8")))).isEqualTo(TelegramIdentity.of(plain));
    }

    @Test
    void aRepeaterMarkInTheConfigurationFieldIsTheSameTelegramAnotherAccessNumberIsNot() {
        byte[] plain = Hex.bytes(MODE5);
        byte[] repeated = plain.clone();
        repeated[13] = 0x11; // hop counter bit of the configuration field's low byte
        assertThat(TelegramIdentity.of(repeated)).isEqualTo(TelegramIdentity.of(plain));
        byte[] next = plain.clone();
        next[11] = 0x10; // access number 0F -> 10: the meter's next telegram
        assertThat(TelegramIdentity.of(next)).isNotEqualTo(TelegramIdentity.of(plain));
        byte[] other = plain.clone();
        other[20] ^= 1; // a payload byte
        assertThat(TelegramIdentity.of(other)).isNotEqualTo(TelegramIdentity.of(plain));
    }

    @Test
    void aRepeaterMarkInTheEllCommunicationControlIsTheSameTelegram() {
        // ELL I (8C, CC 20, ACC 5A) before a short header; a repeater sets H (0x10) and R (0x02) in CC.
        String original = "1A44931544332211013" + "78C205A7A5A000000" + "2F2F0C13785634122F2F2F";
        byte[] b = Hex.bytes(original.replace(" ", ""));
        b[0] = (byte) (b.length - 1);
        byte[] relayed = b.clone();
        relayed[11] = 0x32;
        assertThat(TelegramIdentity.of(relayed)).isEqualTo(TelegramIdentity.of(b));
        byte[] otherCc = b.clone();
        otherCc[11] = 0x60; // the D bit is no repeater's mark
        assertThat(TelegramIdentity.of(otherCc)).isNotEqualTo(TelegramIdentity.of(b));
    }

    /** Format A: a CRC after the 10-byte block 1 and after every 16 bytes. */
    static byte[] formatA(byte[] f) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int pos = 0;
        int block = 10;
        while (pos < f.length) {
            int n = Math.min(block, f.length - pos);
            out.write(f, pos, n);
            int crc = Crc16.compute(f, pos, n);
            out.write(crc >> 8);
            out.write(crc);
            pos += n;
            block = 16;
        }
        return out.toByteArray();
    }
}
