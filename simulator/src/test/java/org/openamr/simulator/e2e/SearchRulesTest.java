package org.openamr.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterSettings;
import org.openamr.mbus.master.SelectOutcome;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.search.FoundMeter;
import org.openamr.mbus.search.PrimaryScan;
import org.openamr.mbus.search.SearchListener;
import org.openamr.mbus.search.SecondarySearch;
import org.openamr.simulator.bus.Faults;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.serve.InProcessTransport;

/**
 * The rules of {@link SecondarySearch} and {@link PrimaryScan} on an in-process bus, where every request is counted and
 * nothing waits: what a clean channel costs, what a faulty one makes it do, and what it reports.
 */
class SearchRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static MBusMaster master(VirtualBus bus) {
        return new MBusMaster(new InProcessTransport(bus, 2400), MasterSettings.DEFAULT, CLOCK);
    }

    /** Counts selections as the listener sees them. */
    private static class Probes implements SearchListener {
        final List<SecondaryAddress> masks = new ArrayList<>();
        final List<SelectOutcome> outcomes = new ArrayList<>();
        double lastProgress = -1;
        boolean progressMonotonic = true;

        @Override
        public void probed(SecondaryAddress mask, SelectOutcome outcome) {
            masks.add(mask);
            outcomes.add(outcome);
        }

        @Override
        public void progress(double fractionDone) {
            progressMonotonic &= fractionDone >= lastProgress;
            lastProgress = fractionDone;
        }
    }

    @Test
    void onACleanChannelEverySelectionIsSentOnceAndEveryMeterReadOnce() throws Exception {
        for (IdScheme scheme : IdScheme.values()) {
            VirtualBus bus = VirtualBus.builder().seed(21).clock(CLOCK).demo(120, scheme).build();
            try (MBusMaster master = master(bus)) {
                Probes probes = new Probes();
                SecondarySearch.Result r = SecondarySearch.run(master, SecondaryAddress.WILDCARD, probes);
                assertThat(r.meters()).extracting(FoundMeter::address)
                        .containsExactlyInAnyOrderElementsOf(bus.truth().secondaryAddresses());
                assertThat(master.channelFaults()).isZero();
                // One request per selection event and one REQ_UD2 per meter: no confirmations, no repeats.
                assertThat(master.transactions()).isEqualTo(probes.masks.size() + r.meters().size());
                assertThat(probes.masks).doesNotHaveDuplicates();
                assertThat(probes.progressMonotonic).isTrue();
                assertThat(probes.lastProgress).isEqualTo(1.0);
            }
        }
    }

    @Test
    void onAFaultyChannelEveryEmptyMaskIsConfirmed() throws Exception {
        // In process, late replies arrive in time: only lost and corrupted ones are faults here.
        VirtualBus bus = VirtualBus.builder().seed(22).clock(CLOCK).faults(new Faults(0.05, 0.05, 0,
                Faults.DEFAULT_LATE_BY)).demo(120).build();
        try (MBusMaster master = master(bus)) {
            List<SecondaryAddress> emptyBeforeFaults = new ArrayList<>();
            List<SecondaryAddress> seenAfterFaults = new ArrayList<>();
            int[] emptyAfterFaults = {0};
            Probes probes = new Probes() {
                @Override
                public void probed(SecondaryAddress mask, SelectOutcome outcome) {
                    super.probed(mask, outcome);
                    boolean faultsShown = master.channelFaults() > 0;
                    if (!faultsShown && outcome == SelectOutcome.NONE) {
                        emptyBeforeFaults.add(mask);
                    }
                    if (faultsShown) {
                        seenAfterFaults.add(mask);
                        emptyAfterFaults[0] += outcome == SelectOutcome.NONE ? 1 : 0;
                    }
                }
            };
            SecondarySearch.Result r = SecondarySearch.run(master, SecondaryAddress.WILDCARD, probes);
            assertThat(r.meters()).extracting(FoundMeter::address)
                    .containsExactlyInAnyOrderElementsOf(bus.truth().secondaryAddresses());
            assertThat(r.duplicateIds()).isEmpty();
            assertThat(r.unreadable()).isEmpty();
            assertThat(master.channelFaults()).isPositive();
            assertThat(emptyBeforeFaults).as("the search ran a while before a fault showed").isNotEmpty();
            // Masks believed empty on one try are selected again once faults show ...
            assertThat(seenAfterFaults).containsAll(emptyBeforeFaults);
            // ... and from then on an empty answer takes two selections.
            assertThat(master.transactions()).isGreaterThanOrEqualTo(
                    probes.masks.size() + emptyAfterFaults[0] + r.meters().size());
        }
    }

    @Test
    void metersSharingAnIdAreReportedAndTheOthersFound() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(23).clock(CLOCK)
                .meter(MeterType.SONOMETER_1100, "12345678", 0)
                .meter(MeterType.COLD_WATER, "12345678", 0)
                .meter(MeterType.HOT_WATER, "12345679", 0)
                .meter(MeterType.SONOSAFE_10, "87654321", 0).build();
        try (MBusMaster master = master(bus)) {
            SecondarySearch.Result r = SecondarySearch.run(master, SecondaryAddress.WILDCARD, SearchListener.NONE);
            assertThat(r.meters()).extracting(m -> m.address().id()).containsExactlyInAnyOrder("12345679", "87654321");
            assertThat(r.duplicateIds()).extracting(SecondaryAddress::id).containsExactly("12345678");
        }
    }

    @Test
    void aSearchNarrowedByManufacturerFindsOnlyThatMaker() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(24).clock(CLOCK).demo(80).build();
        SecondaryAddress danfoss = new SecondaryAddress("FFFFFFFF", ManufacturerCode.encode("DFS"), SecondaryAddress.ANY,
                SecondaryAddress.ANY);
        try (MBusMaster master = master(bus)) {
            SecondarySearch.Result r = SecondarySearch.run(master, danfoss, SearchListener.NONE);
            List<SecondaryAddress> want = bus.truth().secondaryAddresses().stream().filter(danfoss::matches).toList();
            assertThat(want).isNotEmpty().hasSizeLessThan(80);
            assertThat(r.meters()).extracting(FoundMeter::address).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void primaryScanProbesEachAddressOnceOnACleanBusAndReportsSharedAddresses() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(25).clock(CLOCK).demo(30)
                .meter(MeterType.COLD_WATER, "55500001", 7) // a second meter on address 7
                .build();
        try (MBusMaster master = master(bus)) {
            PrimaryScan.Result r = PrimaryScan.run(master, 0, 250, SearchListener.NONE);
            assertThat(r.conflicts()).containsExactly(7);
            assertThat(r.unreadable()).isEmpty();
            assertThat(r.meters()).extracting(m -> m.header().secondaryAddress())
                    .containsExactlyInAnyOrderElementsOf(bus.truth().meters().stream()
                            .filter(m -> m.primaryAddress() != 7).map(m -> m.secondaryAddress()).toList());
            long readRequests = r.meters().stream().mapToLong(Readout::transactions).sum();
            // 251 probes; address 7 is probed, then a read is tried (3 attempts of SND_NKE): no more.
            assertThat(master.transactions()).isEqualTo(251 + readRequests + 3);
        }
    }

    @Test
    void primaryScanOnAFaultyBusFindsEveryMeter() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(26).clock(CLOCK).faults(new Faults(0.05, 0.05, 0,
                Faults.DEFAULT_LATE_BY)).demo(40).build();
        try (MBusMaster master = master(bus)) {
            PrimaryScan.Result r = PrimaryScan.run(master, 0, 250, SearchListener.NONE);
            assertThat(r.meters()).extracting(m -> m.header().secondaryAddress())
                    .containsExactlyInAnyOrderElementsOf(bus.truth().secondaryAddresses());
            assertThat(r.conflicts()).isEmpty();
            assertThat(master.channelFaults()).isPositive();
        }
    }
}
