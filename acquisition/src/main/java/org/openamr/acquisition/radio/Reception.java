package org.openamr.acquisition.radio;

import java.time.Instant;

/** What a {@link RadioReceiver} reports: a telegram it heard, or input it had to drop. */
public sealed interface Reception permits HeardTelegram, Reception.Damaged {

    /** The receiver's name, e.g. {@code im871a:/dev/ttyUSB0}. */
    String receiver();

    Instant receivedAt();

    /**
     * Input that is no telegram: a frame with a bad checksum, a malformed line, a frame the receiver
     * itself marks as damaged (rtl_wmbus's CRC_OK 0).
     *
     * @param kind   short machine-readable name: {@code crc}, {@code checksum}, {@code malformed}, {@code garbage} …
     * @param detail for a person: what and where
     */
    record Damaged(String receiver, Instant receivedAt, String kind, String detail) implements Reception {
    }
}
