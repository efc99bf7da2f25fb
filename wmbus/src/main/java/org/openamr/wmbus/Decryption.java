package org.openamr.wmbus;

/**
 * How one layer of a telegram was made readable. Never holds the key itself.
 *
 * @param method    what was undone
 * @param keySource where the key came from
 * @param bytes     how many bytes were decrypted (0 when a receiver had done it)
 */
public record Decryption(Method method, KeySource keySource, int bytes) {

    public enum Method {
        /** ELL (CI 0x8D / 0x8F) AES-128-CTR session encryption. */
        ELL_AES_CTR("ell-aes-ctr"),
        /** Transport layer security mode 5: AES-128-CBC with the IV from M, A and the access number. */
        MODE_5_AES_CBC_IV("mode-5"),
        /** Transport layer security mode 7: AES-128-CBC, zero IV, key derived per message (OMS), AFL MAC. */
        MODE_7_AES_CBC_KDF("mode-7"),
        /** Diehl "Real Data" frames scrambled with the PRIOS LFSR. */
        DIEHL_PRIOS("prios");

        private final String jsonName;

        Method(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public enum KeySource {
        /** A key given for this meter (or for the telegram at hand). */
        METER("meter"),
        /** A manufacturer's published default key. */
        DEFAULT("default"),
        /** The header says encrypted, but a receiver had already decrypted the payload (the check bytes are plain). */
        ALREADY_DECRYPTED("already-decrypted");

        private final String jsonName;

        KeySource(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
