package org.openamr.wmbus.link;

/** Lets tests of other packages build format-A frames the way {@link LinkLayerCodecTest} does. */
public final class LinkLayerCodecTestAccess {

    private LinkLayerCodecTestAccess() {
    }

    public static byte[] formatA(byte[] frame) {
        return LinkLayerCodecTest.formatA(frame);
    }
}
