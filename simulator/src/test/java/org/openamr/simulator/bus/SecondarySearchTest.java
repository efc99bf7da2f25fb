package org.openamr.simulator.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.AckFrame;
import org.openamr.simulator.Wire;

/**
 * libmbus's secondary search, the reference of mbus.md, run against the bus: it only works if
 * selection, wildcards and collisions behave as on a real segment, so finding exactly the truth's
 * meters is a test of all three.
 */
class SecondarySearchTest {

    private int probes;

    @Test
    void findsEveryMeterOfABatchWithConsecutiveIds() {
        VirtualBus bus = VirtualBus.builder().seed(11).clock(VirtualBusTest.CLOCK)
                .demo(300, IdScheme.CONSECUTIVE).build();
        Set<SecondaryAddress> found = search(bus);
        assertThat(found).containsExactlyInAnyOrderElementsOf(bus.truth().secondaryAddresses());
        // 50 of them have no primary address and are reachable only this way.
        assertThat(bus.truth().meters()).filteredOn(m -> m.primaryAddress() == 0).hasSize(50);
        assertThat(probes).isGreaterThan(300);
    }

    @Test
    void findsRandomIds() {
        VirtualBus bus = VirtualBus.builder().seed(12).clock(VirtualBusTest.CLOCK).demo(60).build();
        assertThat(search(bus)).containsExactlyInAnyOrderElementsOf(bus.truth().secondaryAddresses());
    }

    private Set<SecondaryAddress> search(VirtualBus bus) {
        Set<SecondaryAddress> found = new HashSet<>();
        probe(bus, "FFFFFFFF", 0, found);
        return found;
    }

    private void probe(VirtualBus bus, String mask, int position, Set<SecondaryAddress> found) {
        probes++;
        byte[] answer = Wire.exchange(bus, MasterRequests.selectSecondary(
                new SecondaryAddress(mask, SecondaryAddress.ANY_MANUFACTURER, SecondaryAddress.ANY, SecondaryAddress.ANY)));
        if (answer.length == 0) {
            return;
        }
        boolean single = Wire.frames(answer).size() == 1 && Wire.frames(answer).get(0) instanceof AckFrame;
        if (single) {
            VariableDataResponse r = Wire.decodeResponse(Wire.exchange(bus, MasterRequests.reqUd2(253, true)));
            found.add(((LongHeader) r.header()).secondaryAddress());
            Wire.exchange(bus, MasterRequests.deselect());
            return;
        }
        if (position == 8) {
            // Same id, other manufacturer/version/medium: libmbus would recurse on those too.
            throw new AssertionError("collision on a full id " + mask);
        }
        for (char digit = '0'; digit <= '9'; digit++) {
            probe(bus, mask.substring(0, position) + digit + mask.substring(position + 1), position + 1, found);
        }
    }

    @Test
    void searchHelperNoticesMissingMeters() {
        VirtualBus bus = VirtualBus.builder().seed(13).clock(VirtualBusTest.CLOCK).demo(10).build();
        List<SecondaryAddress> all = bus.truth().secondaryAddresses();
        bus.remove(all.get(3));
        assertThat(search(bus)).hasSize(9).doesNotContain(all.get(3));
    }
}
