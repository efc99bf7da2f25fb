package org.openamr.wmbus.security;

import java.util.Objects;
import org.openamr.wmbus.keys.AesKey;

/** How a sender protects the transport layer's records: the inverse of what {@link SecurityModes} undoes. */
public sealed interface Encryption {

    /** The security mode of the configuration field. */
    int mode();

    /** Plain records, security mode 0. */
    record None() implements Encryption {
        @Override
        public int mode() {
            return Configuration.MODE_NONE;
        }
    }

    /** Mode 5: AES-128-CBC with the meter key and the IV from M, A and the access number. */
    record Mode5(AesKey key) implements Encryption {
        public Mode5 {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public int mode() {
            return Configuration.MODE_AES_CBC_IV;
        }
    }

    /**
     * Mode 7: AES-128-CBC with a key derived per message from the meter key and the AFL message
     * counter, authenticated by the AFL's 8-byte CMAC.
     *
     * @param messageCounter the AFL message counter, 0..2^32-1; a meter counts it up with every message
     */
    record Mode7(AesKey key, long messageCounter) implements Encryption {
        public Mode7 {
            Objects.requireNonNull(key, "key");
            if (messageCounter < 0 || messageCounter > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("the AFL message counter has 32 bits, got " + messageCounter);
            }
        }

        @Override
        public int mode() {
            return Configuration.MODE_AES_CBC_KDF;
        }
    }
}
