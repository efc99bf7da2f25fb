package org.openamr.mbus;

import java.util.List;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;
import org.openamr.mbus.link.ControlField;
import org.openamr.mbus.link.FrameCodec;
import org.openamr.mbus.link.ShortFrame;
import org.openamr.mbus.record.DataField;
import org.openamr.mbus.record.DataInformation;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.RecordEncoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.Value;

/** Wire bytes of every request a master sends on wired M-Bus (EN 13757-2/-3). */
public final class MasterRequests {

    private MasterRequests() {
    }

    /** SND_NKE: link reset; also deselects a slave selected by secondary address when sent to 253. */
    public static byte[] sndNke(int address) {
        return FrameCodec.encode(new ShortFrame(ControlField.SND_NKE, address));
    }

    /** REQ_UD2: request class 2 data; toggle {@code fcb} for the next telegram, keep it to get a repeat. */
    public static byte[] reqUd2(int address, boolean fcb) {
        return FrameCodec.encode(new ShortFrame(ControlField.withFcb(ControlField.REQ_UD2, fcb), address));
    }

    /** REQ_UD1: request class 1 (alarm) data. */
    public static byte[] reqUd1(int address, boolean fcb) {
        return FrameCodec.encode(new ShortFrame(ControlField.withFcb(ControlField.REQ_UD1, fcb), address));
    }

    /** SND_UD with any application message (CI 0x50, 0x51, 0x52, 0xB8–0xBF). */
    public static byte[] sndUd(int address, boolean fcb, ApplicationMessage message) {
        return TelegramCodec.encode(ControlField.withFcb(ControlField.SND_UD, fcb), address, message);
    }

    /** Selects the slave(s) matching {@code mask} (wildcards allowed) for address 253. */
    public static byte[] selectSecondary(SecondaryAddress mask) {
        return sndUd(Address.NETWORK_LAYER, false, new ApplicationMessage.Selection(mask));
    }

    /** Deselects the selected slave. */
    public static byte[] deselect() {
        return sndNke(Address.NETWORK_LAYER);
    }

    /** Application reset (CI 0x50); {@code subcode} -1 for none. */
    public static byte[] applicationReset(int address, int subcode) {
        return sndUd(address, false, new ApplicationMessage.ApplicationReset(subcode));
    }

    /** Writes a new primary address (CI 0x51, DIF 01, VIF 7A). */
    public static byte[] setPrimaryAddress(int address, int newAddress) {
        Address.requirePrimary(newAddress);
        var record = RecordEncoder.record(DataInformation.of(DataField.INT8, Function.INSTANTANEOUS, 0, 0, 0),
                List.of(0x7A), null, new Value.Numeric(java.math.BigDecimal.valueOf(newAddress)));
        return sndUd(address, false, new ApplicationMessage.DataSend(new RecordSet(List.of(record), new byte[0], false)));
    }

    /** Switches the slave to another baud rate (CI 0xB8–0xBF); it acknowledges at the old rate. */
    public static byte[] switchBaudRate(int address, int baud) {
        return sndUd(address, false, new ApplicationMessage.BaudRateSwitch(baud));
    }

}
