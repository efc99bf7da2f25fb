package org.openamr.acquisition.radio;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.transport.Transport;
import org.openamr.mbus.transport.TransportException;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.amber.AmberDeframer;
import org.openamr.wmbus.receiver.amber.AmberFrame;
import org.openamr.wmbus.receiver.amber.AmberMessage;

/**
 * An Amber/Würth AMB8465 stick (or another AMB8xx5 module). At open it reads two parameters:
 * UART_CMD_Out_Enable, which must be 1 (received telegrams as CMD_DATA_IND frames; with 0 the
 * module sends bare telegrams that no checksum protects), and RSSI_Enable, which says whether an
 * RSSI byte follows each telegram. Then it sets the mode with CMD_SET_MODE_REQ, which lasts until
 * the next reset, when one is given; the confirmation must report success. Nothing is written to
 * the module's non-volatile memory.
 */
final class Amb8465Receiver extends DongleReceiver<AmberFrame> {

    /** The stick's default serial line. */
    static final String LINE = "9600,8N1";

    private final AmberDeframer deframer;

    private Amb8465Receiver(String name, Transport transport, AmberDeframer deframer, Clock clock) {
        super(name, transport, deframer, clock);
        this.deframer = deframer;
    }

    static Amb8465Receiver open(String name, Transport transport, Optional<LinkMode> mode, Clock clock)
            throws IOException {
        Amb8465Receiver r = new Amb8465Receiver(name, transport, new AmberDeframer(false), clock);
        return r.openedOrClosed(() -> r.configure(mode), r);
    }

    private void configure(Optional<LinkMode> mode) throws IOException {
        if (parameter(AmberMessage.UART_CMD_OUT_ENABLE, "UART_CMD_Out_Enable") != 1) {
            throw new TransportException(name(), "the AMB8465 sends received telegrams without command frames "
                    + "(parameter UART_CMD_Out_Enable at 0x05 is 0); set it to 1 once, e.g. with Amber's "
                    + "configuration tool or CMD_SET_REQ FF 09 03 05 01 01 F0, then unplug and replug the stick");
        }
        deframer.rssiAppended(parameter(AmberMessage.RSSI_ENABLE, "RSSI_Enable") != 0);
        if (mode.isPresent()) {
            AmberMessage.SetModeRequest request = AmberMessage.SetModeRequest.listeningIn(mode.get());
            String what = "the request to listen in " + mode.get();
            AmberMessage.SetModeConfirm cnf = request(request.frame().encode(), f -> {
                AmberMessage m = AmberMessage.of(f);
                return m instanceof AmberMessage.SetModeConfirm c ? Optional.of(c) : Optional.empty();
            }, what);
            if (!cnf.accepted()) {
                throw new TransportException(name(), "the AMB8465 refused " + what + " (status %02X)"
                        .formatted(cnf.status()));
            }
        }
        mode(mode);
    }

    private int parameter(int position, String parameter) throws IOException {
        AmberMessage.GetConfirm cnf = request(new AmberMessage.GetRequest(position, 1).frame().encode(), f -> {
            AmberMessage m = AmberMessage.of(f);
            return m instanceof AmberMessage.GetConfirm c && c.position() == position ? Optional.of(c)
                    : Optional.empty();
        }, "reading " + parameter);
        if (cnf.values().length != 1) {
            throw new TransportException(name(), "reading " + parameter + " returned " + cnf.values().length
                    + " values instead of 1");
        }
        return cnf.values()[0] & 0xFF;
    }

    @Override
    Reception received(AmberFrame frame) throws MalformedDataException {
        if (AmberMessage.of(frame) instanceof AmberMessage.DataIndication d) {
            return new HeardTelegram(name(), clock.instant(), mode(), d.rssiDbm(), d.telegram());
        }
        return null;
    }

    @Override
    String noAnswerHint() {
        return "is an AMB8465 plugged in there (" + LINE + ", command mode)?";
    }
}
