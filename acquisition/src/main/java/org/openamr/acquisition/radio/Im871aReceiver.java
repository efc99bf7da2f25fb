package org.openamr.acquisition.radio;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.transport.Transport;
import org.openamr.mbus.transport.TransportException;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.im871a.HciFrame;
import org.openamr.wmbus.receiver.im871a.Im871aDeframer;
import org.openamr.wmbus.receiver.im871a.Im871aMessage;

/**
 * An IMST iM871A stick. At open it is configured until its next reset (nothing is written to its
 * memory): the link mode when one is given, and the RSSI attached to every telegram; the
 * configuration response must say OK.
 */
final class Im871aReceiver extends DongleReceiver<HciFrame> {

    /** The stick's serial line (HCI specification, "Physical Parameters"). */
    static final String LINE = "57600,8N1";

    private Im871aReceiver(String name, Transport transport, Clock clock) {
        super(name, transport, new Im871aDeframer(), clock);
    }

    static Im871aReceiver open(String name, Transport transport, Optional<LinkMode> mode, Clock clock)
            throws IOException {
        Im871aReceiver r = new Im871aReceiver(name, transport, clock);
        return r.openedOrClosed(() -> r.configure(mode), r);
    }

    private void configure(Optional<LinkMode> mode) throws IOException {
        Im871aMessage.SetConfigRequest request = Im871aMessage.SetConfigRequest.temporary(mode);
        String what = mode.map(m -> "the request to listen in " + m).orElse("the request to attach the RSSI");
        Im871aMessage.SetConfigResponse answer = request(request.frame().encode(), f -> {
            Im871aMessage m = Im871aMessage.of(f);
            return m instanceof Im871aMessage.SetConfigResponse r ? Optional.of(r) : Optional.empty();
        }, what);
        if (!answer.accepted()) {
            throw new TransportException(name(), "the iM871A refused " + what + " (status %02X)"
                    .formatted(answer.status()));
        }
        mode(mode);
    }

    @Override
    Reception received(HciFrame frame) throws MalformedDataException {
        if (Im871aMessage.of(frame) instanceof Im871aMessage.DataIndication d) {
            return new HeardTelegram(name(), clock.instant(), mode(), d.rssiDbm(), d.telegram());
        }
        return null;
    }

    @Override
    String noAnswerHint() {
        return "is an iM871A plugged in there (" + LINE + ")?";
    }
}
