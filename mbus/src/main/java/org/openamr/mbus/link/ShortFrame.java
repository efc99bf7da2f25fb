package org.openamr.mbus.link;

/**
 * A short frame, used by the master for link commands without data (SND_NKE, REQ_UD1/2).
 *
 * <pre>10 C A CS 16      CS = (C + A) mod 256</pre>
 */
public record ShortFrame(int control, int address) implements Frame {

    public static final int START = 0x10;

    public ShortFrame {
        FrameCodec.checkByte("control", control);
        FrameCodec.checkByte("address", address);
    }

    @Override
    public String kindName() {
        return "short";
    }
}
