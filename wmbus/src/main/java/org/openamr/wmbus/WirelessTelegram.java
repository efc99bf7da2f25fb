package org.openamr.wmbus;

import java.util.List;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.Header;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.afl.AuthenticationLayer;
import org.openamr.wmbus.ell.ExtendedLinkLayer;
import org.openamr.wmbus.link.DataLinkHeader;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.tpl.TransportLayer;

/**
 * A decoded wireless M-Bus telegram, layer by layer.
 *
 * @param ell         null when the telegram has no extended link layer
 * @param afl         null when it has no authentication and fragmentation layer
 * @param transport   null when the layers below left nothing to read (an ELL payload without a
 *                    key): {@link #payload()} then says why
 * @param payload     what the telegram carries, or why it could not be read
 * @param decryptions what was decrypted or de-scrambled, lowest layer first
 * @param warnings    oddities that did not stop the decode (a short L-field, plain data under an
 *                    encrypting mode …), for a person to read
 */
public record WirelessTelegram(FrameFormat format, DataLinkHeader link, ExtendedLinkLayer ell,
                               AuthenticationLayer afl, TransportLayer transport, Payload payload,
                               List<Decryption> decryptions, List<String> warnings) {

    public WirelessTelegram {
        decryptions = List.copyOf(decryptions);
        warnings = List.copyOf(warnings);
    }

    /** The sender as the link layer names it. */
    public MeterAddress linkAddress() {
        return new MeterAddress(link.manufacturer(), link.id(), link.version(), link.deviceType());
    }

    /** The meter whose data this is: the transport layer's long header, else the link layer's sender. */
    public MeterAddress meter() {
        return transport != null && transport.address() != null ? transport.address() : linkAddress();
    }

    /** The transport layer's header, or null. */
    public Header header() {
        return transport == null ? null : transport.header();
    }

    /** The access number of the transport layer, else of the ELL; -1 when neither has one. */
    public int accessNumber() {
        Header h = header();
        if (h != null && h.accessNumber() >= 0) {
            return h.accessNumber();
        }
        return ell != null ? ell.accessNumber() : -1;
    }

    /** The transport layer's status byte, null when it has none (no header, or not decoded). */
    public StatusByte status() {
        Header h = header();
        return h == null ? null : h.status();
    }

    /** The application message, null when the payload is not one. */
    public ApplicationMessage message() {
        return payload instanceof Payload.Message m ? m.message() : null;
    }

    /** The records, or null when the telegram carries none (check {@link #payload()} for why). */
    public RecordSet records() {
        return message() instanceof ApplicationMessage.VariableDataResponse r ? r.data() : null;
    }

    /** True when the transport layer has a long header (CI 0x72). */
    public boolean hasLongHeader() {
        return header() instanceof LongHeader;
    }
}
