package org.openamr.bench.bus;

import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.SelectOutcome;

/**
 * The reference to beat: libmbus's secondary search ({@code mbus_scan_2nd_address_range} with
 * {@code mbus_probe_secondary_address}, libmbus 0.9), re-implemented on our master only to count
 * its transactions on the same virtual bus. From position 0, every digit 0–9 of a wildcard position
 * is selected; a collision recurses into the next position, one answer is followed by a REQ_UD2 that
 * names the meter. An empty selection is repeated {@code max_search_retry} times (1 for libmbus's
 * serial and TCP handles) before it is believed. The root mask itself is never selected. Positions
 * past the id (manufacturer, version, medium) are only reached on a collision of a complete id,
 * which the benchmark buses do not have.
 */
final class LibmbusSearch {

    private final MBusMaster master;
    private final int maxSearchRetry;
    private final List<SecondaryAddress> found = new ArrayList<>();

    private LibmbusSearch(MBusMaster master, int maxSearchRetry) {
        this.master = master;
        this.maxSearchRetry = maxSearchRetry;
    }

    static List<SecondaryAddress> run(MBusMaster master, int maxSearchRetry) throws MasterException {
        LibmbusSearch s = new LibmbusSearch(master, maxSearchRetry);
        s.scan(SecondaryAddress.WILDCARD, 0);
        return s.found;
    }

    private void scan(SecondaryAddress mask, int position) throws MasterException {
        if (position >= 8) {
            return;
        }
        for (int digit = 0; digit <= 9; digit++) {
            char[] id = mask.id().toCharArray();
            id[position] = (char) ('0' + digit);
            SecondaryAddress child = new SecondaryAddress(new String(id), mask.manufacturer(), mask.version(),
                    mask.medium());
            SelectOutcome o = master.select(child, maxSearchRetry);
            if (o == SelectOutcome.ONE) {
                VariableDataResponse r = master.identifySelected();
                found.add(((LongHeader) r.header()).secondaryAddress());
            } else if (o == SelectOutcome.COLLISION) {
                scan(child, position + 1);
            }
        }
    }
}
