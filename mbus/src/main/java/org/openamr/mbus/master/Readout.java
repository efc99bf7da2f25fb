package org.openamr.mbus.master;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.link.FrameCodec;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.record.DataRecord;

/**
 * A meter's complete answer: every telegram of a multi-telegram readout, in order.
 *
 * @param readAt       when the first telegram arrived
 * @param transactions requests sent, retries included
 * @param frames       the telegrams' frames as they came off the line, one per telegram; empty for a readout
 *                     made from telegrams that never were on a line (a model's, a search's identification)
 */
public record Readout(String slave, List<VariableDataResponse> telegrams, Instant readAt, Duration duration,
                      int transactions, List<LongFrame> frames) {

    public Readout {
        telegrams = List.copyOf(telegrams);
        frames = List.copyOf(frames);
        if (!frames.isEmpty() && frames.size() != telegrams.size()) {
            throw new IllegalArgumentException(frames.size() + " frames for " + telegrams.size() + " telegrams");
        }
    }

    /** A readout without its frames: telegrams decoded elsewhere or made by a model. */
    public Readout(String slave, List<VariableDataResponse> telegrams, Instant readAt, Duration duration,
                   int transactions) {
        this(slave, telegrams, readAt, duration, transactions, List.of());
    }

    /**
     * The frames' bytes back to back, as the meter sent them (a checked frame encodes to the bytes it was read
     * from; each long frame carries its own length, so a reader can split them): what a store keeps as the raw
     * telegram, to be decoded again by a later version. Empty without frames.
     */
    public byte[] wireBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(FrameCodec.encode(f)));
        return out.toByteArray();
    }

    /** The records of all telegrams, in order. */
    public List<DataRecord> records() {
        return telegrams.stream().flatMap(t -> t.data().records().stream()).toList();
    }

    /** The long header of the first telegram, if it has one. */
    public LongHeader header() {
        return telegrams.get(0).header() instanceof LongHeader h ? h : null;
    }
}
