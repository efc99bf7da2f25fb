package org.openamr.cli.decode;

import org.openamr.mbus.DecodeException;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;

/** The result of decoding one input: a telegram, or why there is none. */
sealed interface DecodeOutcome {

    record Decoded(Telegram telegram) implements DecodeOutcome {
    }

    /** @param offset byte (or, for bad hex, character) offset in the input; -1 when not tied to a place */
    record Failed(String kind, String message, int offset) implements DecodeOutcome {
        String describe() {
            return kind + (offset >= 0 ? " at byte " + offset : "") + ": " + message;
        }
    }

    static DecodeOutcome of(TelegramInput input) {
        byte[] b = input.bytes();
        int first = b[0] & 0xFF;
        if (first != LongFrame.START && first != ShortFrame.START && first != AckFrame.CHARACTER) {
            return new Failed("unsupported", "a wired M-Bus frame starts with 68, 10 or E5; this looks like a "
                    + "wireless M-Bus telegram (L-field %02X), which this build does not decode".formatted(first), 0);
        }
        try {
            return new Decoded(TelegramCodec.decode(b));
        } catch (DecodeException e) {
            return new Failed(e.kind(), e.getMessage(), e.offset());
        }
    }
}
