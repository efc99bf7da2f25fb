package org.openamr.mbus.link;

/**
 * An EN 13757-2 link-layer frame (FT 1.2). The four kinds are distinguished by their start
 * character; {@link FrameCodec} turns them into bytes and back.
 */
public sealed interface Frame permits AckFrame, ShortFrame, ControlFrame, LongFrame {

    /** Name of the frame kind as used in the JSON output: ack, short, control, long. */
    String kindName();
}
