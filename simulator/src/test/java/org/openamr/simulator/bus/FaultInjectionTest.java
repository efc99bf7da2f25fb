package org.openamr.simulator.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.TelegramCodec;
import org.openamr.simulator.meter.MeterType;

class FaultInjectionTest {

    private static final int REQUESTS = 6000;

    private static VirtualBus bus(long seed, Faults faults) {
        return VirtualBus.builder().seed(seed).clock(VirtualBusTest.CLOCK).faults(faults)
                .meter(MeterType.SONOMETER_1100, "55550001", 1).build();
    }

    /** The kind of each reply to a series of requests, "LOST" for none. */
    private static List<String> run(VirtualBus bus) {
        List<String> kinds = new ArrayList<>();
        boolean fcb = false;
        for (int i = 0; i < REQUESTS; i++) {
            byte[] request = i % 2 == 0 ? MasterRequests.sndNke(1) : MasterRequests.reqUd2(1, fcb = !fcb);
            boolean ack = i % 2 == 0;
            Optional<Reply> r = bus.receive(request).stream().findFirst();
            kinds.add(r.map(x -> x.kind().name()).orElse("LOST"));
            r.ifPresent(reply -> checkBytes(reply, ack));
        }
        return kinds;
    }

    private static void checkBytes(Reply reply, boolean ack) {
        if (reply.kind() == Reply.Kind.CORRUPTED) {
            // One flipped bit: never a valid acknowledgement, never a frame with a good checksum.
            if (ack) {
                assertThat(reply.bytes()).isNotEqualTo(new byte[] {(byte) 0xE5});
            } else {
                assertThatThrownBy(() -> TelegramCodec.decode(reply.bytes())).isInstanceOf(DecodeException.class);
            }
        } else {
            try {
                TelegramCodec.decode(reply.bytes());
            } catch (DecodeException e) {
                throw new AssertionError("a " + reply.kind() + " reply must be valid", e);
            }
        }
    }

    @Test
    void faultRatesMatchTheConfiguredProbabilities() {
        VirtualBus bus = bus(99, new Faults(0.10, 0.05, 0.02, Faults.DEFAULT_LATE_BY));
        List<String> kinds = run(bus);
        assertThat(share(kinds, "LOST")).isBetween(0.085, 0.115);
        assertThat(share(kinds, "CORRUPTED")).isBetween(0.039, 0.061);
        assertThat(share(kinds, "LATE")).isBetween(0.013, 0.027);
        BusStats s = bus.stats();
        assertThat(s.lost()).isEqualTo(kinds.stream().filter("LOST"::equals).count());
        assertThat(s.corrupted() + s.late() + s.lost() + count(kinds, "NORMAL")).isEqualTo(REQUESTS);
        assertThat(s.replies()).isEqualTo(REQUESTS - s.lost());
    }

    @Test
    void theCliRateSplitsEqually() {
        Faults f = Faults.of(0.06);
        assertThat(f.lost()).isEqualTo(0.02);
        assertThat(f.total()).isBetween(0.0599999, 0.0600001);
        List<String> kinds = run(bus(7, f));
        assertThat(1 - share(kinds, "NORMAL")).isBetween(0.05, 0.07);
    }

    @Test
    void faultsAreDeterministicFromTheSeed() {
        Faults f = Faults.of(0.3);
        assertThat(run(bus(1, f))).isEqualTo(run(bus(1, f)));
        assertThat(run(bus(1, f))).isNotEqualTo(run(bus(2, f)));
    }

    @Test
    void withoutFaultsEveryReplyComes() {
        List<String> kinds = run(bus(1, Faults.none()));
        assertThat(kinds).containsOnly("NORMAL");
        assertThatThrownBy(() -> new Faults(0.6, 0.6, 0, Faults.DEFAULT_LATE_BY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double share(List<String> kinds, String kind) {
        return (double) count(kinds, kind) / kinds.size();
    }

    private static long count(List<String> kinds, String kind) {
        return kinds.stream().filter(kind::equals).count();
    }
}
