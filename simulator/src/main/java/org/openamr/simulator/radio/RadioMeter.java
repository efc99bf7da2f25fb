package org.openamr.simulator.radio;

import org.openamr.wmbus.receiver.LinkMode;

import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.RecordSet;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.OutgoingTelegram;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.link.DataLinkHeader;
import org.openamr.wmbus.security.Encryption;

/**
 * A virtual meter with a radio: its mode, its AES key and security mode, the signal level a
 * receiver sees, and when it transmits. Its telegram carries every record the wired meter would
 * send in a readout, in one SND-NR with a short header (CI 0x7A); mode 7 adds an ELL I and the AFL.
 *
 * @param securityMode        5 or 7
 * @param rssiDbm             the level at the receiver, the same for every telegram of the meter
 * @param firstAccessNumber   the access number of telegram 0; it counts up by one per telegram
 * @param firstMessageCounter the AFL message counter of telegram 0 (mode 7); it counts up likewise
 */
public record RadioMeter(VirtualMeter meter, LinkMode mode, int securityMode, AesKey key, int rssiDbm,
                         TransmitTiming timing, int firstAccessNumber, long firstMessageCounter) {

    /** CC of the ELL I before mode 7's AFL: unidirectional, asynchronous, no flag set. */
    private static final int ELL_CONTROL = 0x00;

    public RadioMeter {
        if (securityMode != 5 && securityMode != 7) {
            throw new IllegalArgumentException("a radio meter sends in security mode 5 or 7, got " + securityMode);
        }
    }

    /** The sender as the link layer names it. */
    public MeterAddress address() {
        SecondaryAddress a = meter.secondaryAddress();
        return new MeterAddress(a.manufacturer(), a.id(), a.version(), a.medium());
    }

    /** Three letters, e.g. DFS. */
    public String manufacturer() {
        return meter.type().manufacturer();
    }

    public String id() {
        return meter.id();
    }

    /** The telegram number {@code sequence} with the values of {@code reading}, before encoding. */
    public OutgoingTelegram telegram(Reading reading, long sequence) {
        List<DataRecord> records = new ArrayList<>();
        for (VariableDataResponse wired : meter.telegrams(reading, 0)) {
            records.addAll(wired.data().records());
        }
        Encryption encryption = securityMode == 5 ? new Encryption.Mode5(key)
                : new Encryption.Mode7(key, (firstMessageCounter + sequence) & 0xFFFFFFFFL);
        return new OutgoingTelegram(DataLinkHeader.SND_NR, address(), securityMode == 7 ? ELL_CONTROL : -1,
                accessNumber(sequence), reading.status(), encryption, new RecordSet(records, new byte[0], false));
    }

    public int accessNumber(long sequence) {
        return (int) ((firstAccessNumber + sequence) & 0xFF);
    }

    @Override
    public String toString() {
        return "RadioMeter[" + meter + ", " + mode + ", mode " + securityMode + ", " + rssiDbm + " dBm]";
    }
}
