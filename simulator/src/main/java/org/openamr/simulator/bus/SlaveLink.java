package org.openamr.simulator.bus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.link.ControlField;
import org.openamr.simulator.meter.VirtualMeter;

/**
 * The link-layer state one slave keeps (EN 13757-2): whether it is selected for address 253, the
 * frame count bit of the last REQ_UD2, the readout in progress and its last telegram (for a
 * repeat), its access number and baud rate. Guarded by the bus, which handles one frame at a time.
 */
final class SlaveLink {

    final VirtualMeter meter;
    boolean selected;
    int baud;
    private int accessNumber;
    /** FCB of the last REQ_UD2 with FCV set; null after SND_NKE or reset: the next request starts afresh. */
    private Boolean lastFcb;
    private List<byte[]> readout;
    private int index;
    private byte[] last;

    SlaveLink(VirtualMeter meter, int accessNumber, int baud) {
        this.meter = meter;
        this.accessNumber = accessNumber & 0xFF;
        this.baud = baud;
    }

    /** SND_NKE: the link is reset; the next REQ_UD2 gets the first telegram of a fresh readout. */
    void resetLink() {
        lastFcb = null;
        readout = null;
        last = null;
    }

    /** Application reset (CI 0x50): the next REQ_UD2 starts a fresh readout, whatever its FCB. */
    void resetApplication() {
        readout = null;
        last = null;
    }

    /**
     * The telegram for a REQ_UD2. With FCV set: an unchanged FCB repeats the last telegram (the
     * master lost it), a toggled FCB gives the next telegram of the readout, or starts a new readout
     * after the last one. Without FCV there is no sequence: every request starts a readout.
     */
    byte[] requestUserData2(boolean fcb, boolean fcv, Instant now) {
        if (fcv && lastFcb != null && lastFcb == fcb && last != null) {
            return last.clone();
        }
        if (fcv && lastFcb != null && readout != null && index + 1 < readout.size()) {
            index++;
        } else {
            readout = encode(meter.telegrams(now, accessNumber));
            accessNumber = (accessNumber + readout.size()) & 0xFF;
            index = 0;
        }
        lastFcb = fcv ? fcb : null;
        last = readout.get(index);
        return last.clone();
    }

    private List<byte[]> encode(List<VariableDataResponse> telegrams) {
        List<byte[]> out = new ArrayList<>();
        for (VariableDataResponse t : telegrams) {
            out.add(TelegramCodec.encode(ControlField.RSP_UD, meter.primaryAddress(), t));
        }
        return out;
    }
}
