package org.openamr.wmbus;

import java.util.Objects;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.security.Encryption;

/**
 * A telegram as a meter composes it, before {@link WirelessEncoder} writes it: a link layer, an
 * optional ELL I, the transport layer's short header (CI 0x7A) and the records, protected by a
 * security mode.
 *
 * @param control      the C-field, usually {@link org.openamr.wmbus.link.DataLinkHeader#SND_NR}
 * @param sender       manufacturer, id, version and device type of the link layer
 * @param ellControl   the CC field of an ELL I (CI 0x8C) before the other layers, -1 for none
 * @param accessNumber of the short header (and of the ELL), 0..255; a meter counts it up per telegram
 * @param records      the records without the check bytes and padding an encrypting mode adds
 */
public record OutgoingTelegram(int control, MeterAddress sender, int ellControl, int accessNumber, StatusByte status,
                               Encryption encryption, RecordSet records) {

    public OutgoingTelegram {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(records, "records");
        if (control < 0 || control > 0xFF) {
            throw new IllegalArgumentException("the C-field is a byte, got " + control);
        }
        if (accessNumber < 0 || accessNumber > 0xFF) {
            throw new IllegalArgumentException("the access number is a byte, got " + accessNumber);
        }
    }
}
