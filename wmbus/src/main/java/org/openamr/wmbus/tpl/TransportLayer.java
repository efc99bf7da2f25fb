package org.openamr.wmbus.tpl;

import org.openamr.mbus.app.Header;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.security.Configuration;

/**
 * The transport layer of a wireless telegram and what it carried.
 *
 * @param header        the M-Bus header of the CI field: long (0x72, 0x8B), short (0x7A, 0x8A) or none
 * @param address       the meter named by a long header, null for the others (the link layer names it)
 * @param configuration null for CI fields without a header
 * @param decryption    null when nothing was encrypted
 */
public record TransportLayer(int ci, Header header, MeterAddress address, Configuration configuration,
                             Payload payload, Decryption decryption) {
}
