package org.openamr.acquisition.radio;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.receiver.LinkMode;

/**
 * A meter heard on the radio, so that a user can see which meters are around and which of them
 * still need a key.
 *
 * @param meter       manufacturer, identification number, version and device type (the transport
 *                    layer's long header when it has one, else the link layer's sender)
 * @param telegrams   telegrams heard from it (duplicates not counted)
 * @param lastRssiDbm the signal strength of its last telegram, when the receiver measured it
 * @param lastMode    the mode its last telegram was heard in, when known
 * @param readability whether its data is encrypted and whether it could be read
 */
public record HeardMeter(MeterAddress meter, long telegrams, Instant firstSeen, Instant lastSeen,
                         OptionalInt lastRssiDbm, Optional<LinkMode> lastMode, Readability readability) {

    /** How the last telegram of a meter could be read. */
    public enum Readability {
        /** Not encrypted. */
        PLAIN("plain", false),
        /** Encrypted, read with the key given for it. */
        DECRYPTED("decrypted", true),
        /** Encrypted, read with its manufacturer's published default key. */
        DEFAULT_KEY("default-key", true),
        /** Encrypted and no key known: give its key to read it. */
        MISSING_KEY("missing-key", true),
        /** Encrypted, and the key given does not fit (or its MAC fails). */
        WRONG_KEY("wrong-key", true),
        /** Sound but not readable for another reason (e.g. a compact frame before its full frame). */
        NOT_DECODED("not-decoded", false);

        private final String jsonName;
        private final boolean encrypted;

        Readability(String jsonName, boolean encrypted) {
            this.jsonName = jsonName;
            this.encrypted = encrypted;
        }

        public String jsonName() {
            return jsonName;
        }

        public boolean encrypted() {
            return encrypted;
        }
    }

    public boolean encrypted() {
        return readability.encrypted();
    }

    /** True when a key is known for an encrypted meter and it worked. */
    public boolean keyWorks() {
        return readability == Readability.DECRYPTED || readability == Readability.DEFAULT_KEY;
    }
}
