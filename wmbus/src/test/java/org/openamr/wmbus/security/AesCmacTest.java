package org.openamr.wmbus.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;

/** RFC 4493 section 4: the four AES-CMAC examples. */
class AesCmacTest {

    static final byte[] KEY = Hex.bytes("2b7e151628aed2a6abf7158809cf4f3c");
    static final String M = "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710";

    private static String cmac(int length) {
        byte[] m = Hex.bytes(M);
        byte[] msg = new byte[length];
        System.arraycopy(m, 0, msg, 0, length);
        return Hex.text(Aes.cmac(KEY, msg));
    }

    @Test
    void rfc4493Examples() {
        assertThat(cmac(0)).isEqualToIgnoringCase("bb1d6929e95937287fa37d129b756746");
        assertThat(cmac(16)).isEqualToIgnoringCase("070a16b46b4d4144f79bdd9dd04a287c");
        assertThat(cmac(40)).isEqualToIgnoringCase("dfa66747de9ae63030ca32611497c827");
        assertThat(cmac(64)).isEqualToIgnoringCase("51f0bebf7e3b9d92fc49741779363cfe");
    }
}
