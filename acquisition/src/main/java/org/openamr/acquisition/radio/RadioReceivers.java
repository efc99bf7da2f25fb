package org.openamr.acquisition.radio;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.openamr.serial.LineSettings;
import org.openamr.serial.SerialTransport;
import org.openamr.wmbus.receiver.LinkMode;

/** Opens the receiver at an address: the one place where an address becomes a receiver. */
public final class RadioReceivers {

    private RadioReceivers() {
    }

    /**
     * @param mode  for a dongle, the mode to set (empty: leave it); other receivers ignore it
     * @param paced for a replay file, wait between telegrams as long as their time stamps say
     * @throws IOException naming the receiver: a missing file, a refused connection, a dongle that
     *                     does not answer or refuses the mode
     */
    public static RadioReceiver open(ReceiverAddress a, Optional<LinkMode> mode, boolean paced, Clock clock)
            throws IOException {
        return switch (a.kind()) {
            case RTL_WMBUS_STDIN -> TextReceivers.rtlWmbus(a.toString(), System.in, null, clock);
            case RTL_WMBUS_TCP -> TextReceivers.rtlWmbusTcp(a, clock);
            case REPLAY -> TextReceivers.replay(a, paced, clock);
            case IM871A -> Im871aReceiver.open(a.toString(), new SerialTransport(a.target(),
                    LineSettings.parse(Im871aReceiver.LINE)), mode, clock);
            case AMB8465 -> Amb8465Receiver.open(a.toString(), new SerialTransport(a.target(),
                    LineSettings.parse(Amb8465Receiver.LINE)), mode, clock);
        };
    }
}
