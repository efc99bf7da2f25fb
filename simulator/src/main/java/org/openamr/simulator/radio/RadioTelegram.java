package org.openamr.simulator.radio;

import java.time.Instant;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.link.LinkLayerEncoder;

/**
 * One telegram of a radio simulation: when it was sent, by which meter, its bytes and its truth.
 *
 * @param sequence the meter's telegram number, from 0
 * @param frame    the telegram from its L-field on, without CRCs
 */
public record RadioTelegram(Instant at, RadioMeter meter, long sequence, byte[] frame, TelegramTruth truth) {

    public RadioTelegram {
        frame = frame.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    /** As the meter sends it on air: frame format A with its block CRCs. */
    public byte[] formatA() {
        return LinkLayerEncoder.withCrcs(frame, FrameFormat.A);
    }

    @Override
    public String toString() {
        return "RadioTelegram[" + at + ", " + meter.manufacturer() + " " + meter.id() + " #" + sequence + ", "
                + frame.length + " bytes]";
    }
}
