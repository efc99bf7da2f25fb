package org.openamr.simulator.radio.dongle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.openamr.mbus.MalformedDataException;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.im871a.HciFrame;
import org.openamr.wmbus.receiver.im871a.Im871aDeframer;
import org.openamr.wmbus.receiver.im871a.Im871aMessage;

/**
 * An IMST iM871A stick: answers SET_CONFIG requests (status OK, or a refusal for a link mode it is
 * told to refuse), keeps the link mode and the RSSI attachment they set, and reports telegrams as
 * WMBUSMSG_IND with the RSSI byte attached when that is switched on.
 */
public final class Im871aEmulator extends DongleEmulator<HciFrame> {

    private volatile Optional<LinkMode> refused = Optional.empty();
    private volatile Optional<LinkMode> mode = Optional.empty();
    private volatile boolean rssiAttached;

    private Im871aEmulator(Path hostPath) throws IOException {
        super(hostPath, new Im871aDeframer(), "im871a");
    }

    /** Starts socat; the receiver opens {@code hostPath}. */
    public static Im871aEmulator start(Path hostPath) throws IOException {
        return new Im871aEmulator(hostPath);
    }

    /** Answers a request for this mode with an error status, as a stick that cannot do it. */
    public Im871aEmulator refusing(LinkMode m) {
        refused = Optional.of(m);
        return this;
    }

    /** The link mode the host set, empty until it set one. */
    public Optional<LinkMode> mode() {
        return mode;
    }

    @Override
    protected Optional<byte[]> answer(HciFrame request) {
        try {
            if (Im871aMessage.of(request) instanceof Im871aMessage.SetConfigRequest r) {
                if (r.linkMode().isPresent() && r.linkMode().equals(refused)) {
                    return Optional.of(new Im871aMessage.SetConfigResponse(1).frame().encode());
                }
                r.linkMode().ifPresent(m -> mode = Optional.of(m));
                if (r.autoRssi() >= 0) {
                    rssiAttached = r.autoRssi() == 1;
                }
                return Optional.of(new Im871aMessage.SetConfigResponse(Im871aMessage.SetConfigResponse.OK).frame()
                        .encode());
            }
        } catch (MalformedDataException e) {
            throw new UncheckedIOException(new IOException("malformed request " + request + ": " + e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * Reports a telegram as heard on the radio.
     *
     * @param telegram from the L-field on, without CRCs (the stick removes them)
     * @param rssi     the raw RSSI byte the radio measured, attached when the host switched that on
     */
    public void hear(byte[] telegram, int rssi) throws IOException {
        Im871aMessage.DataIndication d = new Im871aMessage.DataIndication(telegram,
                rssiAttached ? OptionalInt.of(rssi) : OptionalInt.empty(), OptionalLong.empty());
        write(d.frame().encode());
    }
}
