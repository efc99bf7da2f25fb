package org.openamr.mbus.link;

/**
 * A control frame: a long frame without user data, L = 3.
 *
 * <pre>68 03 03 68 C A CI CS 16      CS = (C + A + CI) mod 256</pre>
 */
public record ControlFrame(int control, int address, int ci) implements Frame {

    public ControlFrame {
        FrameCodec.checkByte("control", control);
        FrameCodec.checkByte("address", address);
        FrameCodec.checkByte("CI", ci);
    }

    @Override
    public String kindName() {
        return "control";
    }
}
