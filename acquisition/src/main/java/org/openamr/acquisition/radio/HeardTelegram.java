package org.openamr.acquisition.radio;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.wmbus.receiver.LinkMode;

/**
 * A wireless telegram as a receiver heard it.
 *
 * @param receiver   the receiver's name, e.g. {@code im871a:/dev/ttyUSB0}
 * @param receivedAt when it was heard: the receiver's time stamp (rtl_wmbus, a replay file) or the
 *                   clock of this machine when the bytes arrived (dongles)
 * @param mode       the mode it was heard in, when the receiver says
 * @param rssiDbm    its signal strength, when the receiver measures it in dBm
 * @param telegram   the bytes from the L-field on, with or without block CRCs, as the wireless decoder takes them
 */
public record HeardTelegram(String receiver, Instant receivedAt, Optional<LinkMode> mode, OptionalInt rssiDbm,
                            byte[] telegram) implements Reception {

    public HeardTelegram {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        telegram = telegram.clone();
    }

    @Override
    public byte[] telegram() {
        return telegram.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeardTelegram h && h.receiver.equals(receiver) && h.receivedAt.equals(receivedAt)
                && h.mode.equals(mode) && h.rssiDbm.equals(rssiDbm) && Arrays.equals(h.telegram, telegram);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(telegram) * 31 + receivedAt.hashCode();
    }

    @Override
    public String toString() {
        return "HeardTelegram[" + receiver + " " + receivedAt + " " + mode.map(Enum::name).orElse("-") + " "
                + (rssiDbm.isPresent() ? rssiDbm.getAsInt() + " dBm " : "") + HexFormat.of().formatHex(telegram) + "]";
    }
}
