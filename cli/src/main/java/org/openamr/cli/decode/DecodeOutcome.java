package org.openamr.cli.decode;

import org.openamr.mbus.DecodeException;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.keys.AesKey;

/** The result of decoding one input: a wired or a wireless telegram, or why there is none. */
sealed interface DecodeOutcome {

    record Decoded(Telegram telegram) implements DecodeOutcome {
    }

    /** A wireless telegram; it may still be {@linkplain #complete() incomplete} (no key, unknown compact layout). */
    record DecodedWireless(WirelessTelegram telegram) implements DecodeOutcome {
        boolean complete() {
            return !(telegram.payload() instanceof Payload.Undecoded);
        }
    }

    /** @param offset byte (or, for bad hex, character) offset in the input; -1 when not tied to a place */
    record Failed(String kind, String message, int offset) implements DecodeOutcome {
        String describe() {
            return kind + (offset >= 0 ? " at byte " + offset : "") + ": " + message;
        }
    }

    /** True when the input was decoded completely. */
    default boolean succeeded() {
        return this instanceof Decoded || this instanceof DecodedWireless w && w.complete();
    }

    /**
     * Wired frames start with 68, 10 or E5 (the conformance contract); anything else is a wireless
     * telegram from its L-field on. A wired start that does not decode as a wired frame is tried as
     * a wireless telegram too (an L-field can be 0x10 or 0x68), and kept when that decodes.
     */
    static DecodeOutcome of(TelegramInput input, WirelessDecoder wireless) {
        byte[] b = input.bytes();
        AesKey key = input.key() == null ? null : AesKey.of(input.key());
        int first = b[0] & 0xFF;
        if (first != LongFrame.START && first != ShortFrame.START && first != AckFrame.CHARACTER) {
            return wireless(b, key, wireless);
        }
        try {
            return new Decoded(TelegramCodec.decode(b));
        } catch (DecodeException e) {
            DecodeOutcome w = wireless(b, key, wireless);
            return w instanceof DecodedWireless ? w : new Failed(e.kind(), e.getMessage(), e.offset());
        }
    }

    private static DecodeOutcome wireless(byte[] b, AesKey key, WirelessDecoder wireless) {
        try {
            return new DecodedWireless(wireless.decode(b, key));
        } catch (DecodeException e) {
            return new Failed(e.kind(), e.getMessage(), e.offset());
        }
    }
}
