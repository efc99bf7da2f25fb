package org.openamr.simulator.radio.dongle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.mbus.MalformedDataException;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.amber.AmberDeframer;
import org.openamr.wmbus.receiver.amber.AmberFrame;
import org.openamr.wmbus.receiver.amber.AmberMessage;

/**
 * An Amber AMB8465 stick in command mode: answers CMD_GET_REQ for UART_CMD_Out_Enable and
 * RSSI_Enable from its settings, CMD_SET_MODE_REQ with a confirmation (or a refusal for a mode it
 * is told to refuse), and reports telegrams as CMD_DATA_IND with the RSSI byte when RSSI_Enable is set.
 */
public final class Amb8465Emulator extends DongleEmulator<AmberFrame> {

    private final boolean commandOutput;
    private final boolean rssiEnabled;
    private volatile Optional<LinkMode> refused = Optional.empty();
    private volatile int mode = -1;

    private Amb8465Emulator(Path hostPath, boolean commandOutput, boolean rssiEnabled) throws IOException {
        super(hostPath, new AmberDeframer(false), "amb8465");
        this.commandOutput = commandOutput;
        this.rssiEnabled = rssiEnabled;
    }

    /**
     * @param commandOutput the stick's UART_CMD_Out_Enable setting
     * @param rssiEnabled   its RSSI_Enable setting
     */
    public static Amb8465Emulator start(Path hostPath, boolean commandOutput, boolean rssiEnabled) throws IOException {
        return new Amb8465Emulator(hostPath, commandOutput, rssiEnabled);
    }

    public Amb8465Emulator refusing(LinkMode m) {
        refused = Optional.of(m);
        return this;
    }

    /** The mode byte of the last CMD_SET_MODE_REQ, -1 until one came. */
    public int modeCode() {
        return mode;
    }

    @Override
    protected Optional<byte[]> answer(AmberFrame request) {
        AmberMessage m;
        try {
            m = AmberMessage.of(request);
        } catch (MalformedDataException e) {
            throw new UncheckedIOException(new IOException("malformed request " + request + ": " + e.getMessage()));
        }
        if (m instanceof AmberMessage.GetRequest g && g.count() == 1) {
            int value = switch (g.position()) {
                case AmberMessage.UART_CMD_OUT_ENABLE -> commandOutput ? 1 : 0;
                case AmberMessage.RSSI_ENABLE -> rssiEnabled ? 1 : 0;
                default -> 0xFF;
            };
            return Optional.of(new AmberMessage.GetConfirm(g.position(), new byte[] {(byte) value}).frame().encode());
        }
        if (m instanceof AmberMessage.SetModeRequest s) {
            boolean refuse = refused.isPresent()
                    && AmberMessage.SetModeRequest.listeningIn(refused.get()).mode() == s.mode();
            if (!refuse) {
                mode = s.mode();
            }
            return Optional.of(new AmberMessage.SetModeConfirm(refuse ? 1 : 0).frame().encode());
        }
        return Optional.empty();
    }

    /**
     * Reports a telegram as heard on the radio.
     *
     * @param telegram from the L-field on, without CRCs
     * @param rssi     the raw RSSI byte, appended when RSSI_Enable is set
     */
    public void hear(byte[] telegram, int rssi) throws IOException {
        AmberMessage.DataIndication d = new AmberMessage.DataIndication(telegram,
                rssiEnabled ? OptionalInt.of(rssi) : OptionalInt.empty());
        write(d.frame().encode());
    }

    /** Bytes on the line before the next frame, as a stick's boot output or a partial frame would be. */
    public void noise(byte[] bytes) throws IOException {
        write(bytes);
    }
}
