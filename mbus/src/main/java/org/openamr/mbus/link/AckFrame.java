package org.openamr.mbus.link;

/**
 * The single character {@code E5}: a slave's positive acknowledgement.
 *
 * <pre>E5</pre>
 */
public record AckFrame() implements Frame {

    public static final int CHARACTER = 0xE5;

    public static final AckFrame INSTANCE = new AckFrame();

    @Override
    public String kindName() {
        return "ack";
    }
}
