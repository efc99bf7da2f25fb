package org.openamr.mbus;

import org.openamr.mbus.app.ApplicationCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.ControlFrame;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameCodec;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;

/**
 * Entry point of the wired decoder: bytes of one frame to a {@link Telegram}, and back. A pure
 * function; every failure is a {@link DecodeException} naming the kind and byte offset.
 */
public final class TelegramCodec {

    /** Offset of the first data byte after the CI field of a long frame: 68 L L 68 C A CI. */
    public static final int DATA_OFFSET = 7;

    private TelegramCodec() {
    }

    public static Telegram decode(byte[] bytes) throws DecodeException {
        Frame frame = FrameCodec.decode(bytes);
        return new Telegram(frame, applicationMessage(frame));
    }

    /** The application message of a frame, null for frames without a CI field. */
    public static ApplicationMessage applicationMessage(Frame frame) throws DecodeException {
        if (frame instanceof LongFrame l) {
            return ApplicationCodec.decode(l.ci(), l.data(), DATA_OFFSET);
        }
        if (frame instanceof ControlFrame c) {
            return ApplicationCodec.decode(c.ci(), new byte[0], DATA_OFFSET);
        }
        return null;
    }

    /** Wire bytes of a frame carrying {@code message} with the given C and A fields. */
    public static byte[] encode(int control, int address, ApplicationMessage message) {
        byte[] data = ApplicationCodec.encode(message);
        Frame frame = data.length == 0 ? new ControlFrame(control, address, message.ci())
                : new LongFrame(control, address, message.ci(), data);
        return FrameCodec.encode(frame);
    }

    public static byte[] encode(Telegram telegram) {
        Frame f = telegram.frame();
        if (telegram.message() == null || f instanceof AckFrame || f instanceof ShortFrame) {
            return FrameCodec.encode(f);
        }
        int control = f instanceof LongFrame l ? l.control() : ((ControlFrame) f).control();
        int address = f instanceof LongFrame l ? l.address() : ((ControlFrame) f).address();
        return encode(control, address, telegram.message());
    }
}
