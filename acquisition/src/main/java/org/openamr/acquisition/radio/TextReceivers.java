package org.openamr.acquisition.radio;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.mbus.transport.TransportException;
import org.openamr.wmbus.receiver.replay.ReplayFormat;
import org.openamr.wmbus.receiver.replay.ReplayLine;
import org.openamr.wmbus.receiver.rtlwmbus.RtlWmbusFormat;
import org.openamr.wmbus.receiver.rtlwmbus.RtlWmbusLine;

/** The receivers that read text: rtl_wmbus's output (stdin, TCP) and replay files. */
final class TextReceivers {

    private static final int CONNECT_TIMEOUT_MS = 5000;

    private TextReceivers() {
    }

    /** rtl_wmbus's output on a stream; stdin is not closed with the receiver. */
    static RadioReceiver rtlWmbus(String name, InputStream in, AutoCloseable resource, Clock clock) {
        return new StreamReceiver<>(name, in, resource, RtlWmbusFormat.deframer(), TextReceivers::rtlReception, clock);
    }

    static RadioReceiver rtlWmbusTcp(ReceiverAddress a, Clock clock) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(a.target(), a.port()), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            socket.close();
            throw new TransportException(a.toString(), "cannot connect to " + a.target() + ":" + a.port() + " ("
                    + e.getMessage() + "): is rtl_wmbus served there, e.g. rtl_wmbus | nc -l " + a.port() + "?", e);
        }
        return rtlWmbus(a.toString(), socket.getInputStream(), socket, clock);
    }

    /** A replay file, as fast as it reads or paced by its time stamps. */
    static RadioReceiver replay(ReceiverAddress a, boolean paced, Clock clock) throws IOException {
        Path file = Path.of(a.target());
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new TransportException(a.toString(), "replay file " + file + " does not exist");
        }
        RadioReceiver r = new StreamReceiver<>(a.toString(), in, in, ReplayFormat.deframer(),
                TextReceivers::replayReception, clock);
        return paced ? new PacedReceiver(r, PacedReceiver.Sleeper.REAL) : r;
    }

    private static Reception rtlReception(RtlWmbusLine l, String receiver) {
        if (!l.intact()) {
            String what = !l.crcOk() ? "rtl_wmbus reports a failed block CRC (CRC_OK 0)"
                    : "rtl_wmbus reports invalid 3-out-of-6 symbols (3OUTOF6OK 0)";
            return new Reception.Damaged(receiver, l.receivedAt(), "crc", what + ": " + l.mode() + " telegram of "
                    + l.linkId() + ", not decoded");
        }
        // rtl_wmbus's RSSI is a unit-less level, not dBm: not reported as one.
        return new HeardTelegram(receiver, l.receivedAt(), Optional.of(l.mode()), OptionalInt.empty(), l.telegram());
    }

    private static Reception replayReception(ReplayLine l, String receiver) {
        return new HeardTelegram(receiver, l.receivedAt(), l.mode(), l.rssiDbm(), l.telegram());
    }
}
