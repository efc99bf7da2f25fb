package org.openamr.simulator.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openamr.simulator.Wire.decodeResponse;
import static org.openamr.simulator.Wire.exchange;
import static org.openamr.simulator.Wire.frames;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.FrameCodec;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;
import org.openamr.simulator.Wire;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.model.ConsumptionModel;

class VirtualBusTest {

    static final Instant NOW = LocalDateTime.of(2026, 2, 3, 8, 40, 12).atZone(ConsumptionModel.MOSCOW).toInstant();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static VirtualBus small() {
        return VirtualBus.builder().seed(77).clock(CLOCK)
                .meter(MeterType.SONOSAFE_10, "11110001", 1)
                .meter(MeterType.SONOMETER_1100, "11110002", 2)
                .meter(MeterType.COLD_WATER, "11110003", 3)
                .meter(MeterType.HOT_WATER, "22220003", 4)
                .meter(MeterType.ENCO_PULSE, "11110005", 5)
                .build();
    }

    private static SecondaryAddress address(VirtualBus bus, int primary) {
        return bus.truth().atPrimary(primary).orElseThrow();
    }

    @Test
    void everyMeterAnswersWithExactlyTheTruth() {
        VirtualBus bus = VirtualBus.builder().seed(5).clock(CLOCK).demo(40).build();
        for (MeterInfo m : bus.truth().meters()) {
            List<VariableDataResponse> telegrams = Wire.readAll(bus, m.primaryAddress());
            Wire.assertMatches(telegrams, bus.truth().reading(m.secondaryAddress()));
            assertThat(telegrams).hasSize(m.type().layout().telegrams().size());
        }
    }

    @Test
    void unchangedFcbRepeatsTheLastTelegramAndToggledFcbGivesTheNext() {
        VirtualBus bus = small();
        assertThat(exchange(bus, MasterRequests.sndNke(1))).containsExactly(0xE5);
        byte[] first = exchange(bus, MasterRequests.reqUd2(1, true));
        byte[] repeat = exchange(bus, MasterRequests.reqUd2(1, true));
        byte[] second = exchange(bus, MasterRequests.reqUd2(1, false));
        byte[] secondRepeat = exchange(bus, MasterRequests.reqUd2(1, false));
        byte[] again = exchange(bus, MasterRequests.reqUd2(1, true));
        assertThat(repeat).isEqualTo(first);
        assertThat(secondRepeat).isEqualTo(second);
        assertThat(decodeResponse(first).data().moreRecordsFollow()).isTrue();
        VariableDataResponse t2 = decodeResponse(second);
        assertThat(t2.data().moreRecordsFollow()).isFalse();
        assertThat(t2.data().records()).anyMatch(r -> r.subunit() == 1);
        // After the last telegram a toggled FCB starts a new readout: first telegram, next access numbers.
        VariableDataResponse t3 = decodeResponse(again);
        assertThat(t3.data().moreRecordsFollow()).isTrue();
        assertThat(t3.header().accessNumber()).isEqualTo((decodeResponse(first).header().accessNumber() + 2) & 0xFF);
        // SND_NKE resets the sequence: the same FCB as before now gives the first telegram, not a repeat.
        exchange(bus, MasterRequests.reqUd2(1, false)); // second telegram again
        exchange(bus, MasterRequests.sndNke(1));
        VariableDataResponse fresh = decodeResponse(exchange(bus, MasterRequests.reqUd2(1, false)));
        assertThat(fresh.data().moreRecordsFollow()).isTrue();
    }

    @Test
    void repliesCarryThePrimaryAddressAndRspUd() throws Exception {
        VirtualBus bus = small();
        LongFrame f = (LongFrame) FrameCodec.decode(exchange(bus, MasterRequests.reqUd2(3, true)));
        assertThat(f.control()).isEqualTo(0x08);
        assertThat(f.address()).isEqualTo(3);
        assertThat(f.ci()).isEqualTo(0x72);
    }

    @Test
    void onlyTheAddressedSlaveAnswersAndBroadcast255NeverDoes() {
        VirtualBus bus = small();
        assertThat(exchange(bus, MasterRequests.sndNke(3))).containsExactly(0xE5);
        assertThat(exchange(bus, MasterRequests.sndNke(9))).isEmpty();
        assertThat(exchange(bus, MasterRequests.reqUd2(9, true))).isEmpty();
        assertThat(exchange(bus, MasterRequests.sndNke(255))).isEmpty();
        assertThat(exchange(bus, MasterRequests.reqUd2(255, true))).isEmpty();
        assertThat(exchange(bus, MasterRequests.reqUd2(251, true))).isEmpty();
    }

    @Test
    void broadcast254AnswersWithOneSlaveAndCollidesWithMore() {
        VirtualBus one = VirtualBus.builder().clock(CLOCK).meter(MeterType.COLD_WATER, "12345678", 0).build();
        VariableDataResponse r = decodeResponse(exchange(one, MasterRequests.reqUd2(254, true)));
        assertThat(((LongHeader) r.header()).id()).isEqualTo("12345678");
        byte[] garbage = exchange(small(), MasterRequests.reqUd2(254, true));
        assertThat(garbage).isNotEmpty();
        assertThat(frames(garbage)).isEmpty();
    }

    @Test
    void selectionByWildcardsAndTalkingTo253() {
        VirtualBus bus = small();
        SecondaryAddress sonometer = address(bus, 2);
        // Exact address: one E5, then 253 is that meter.
        assertThat(exchange(bus, MasterRequests.selectSecondary(sonometer))).containsExactly(0xE5);
        VariableDataResponse r = decodeResponse(exchange(bus, MasterRequests.reqUd2(253, true)));
        assertThat(((LongHeader) r.header()).secondaryAddress()).isEqualTo(sonometer);
        // Wildcard digits, manufacturer, version and medium: still only that meter.
        assertThat(exchange(bus, MasterRequests.selectSecondary(SecondaryAddress.parse("1111FFF2FFFFFFFF"))))
                .containsExactly(0xE5);
        assertThat(bus.isSelected(sonometer)).isTrue();
        assertThat(exchange(bus, MasterRequests.selectSecondary(SecondaryAddress.parse("11110002D310FF04"))))
                .containsExactly(0xE5);
        // Medium cold water 0x16 selects the one cold water meter.
        assertThat(exchange(bus, MasterRequests.selectSecondary(SecondaryAddress.parse("FFFFFFFFFFFFFF16"))))
                .containsExactly(0xE5);
        assertThat(bus.isSelected(address(bus, 3))).isTrue();
        assertThat(bus.isSelected(sonometer)).isFalse();
        // Two matches answer at once: a collision, never a valid frame.
        byte[] collision = exchange(bus, MasterRequests.selectSecondary(SecondaryAddress.parse("FFFFFFF3FFFFFFFF")));
        assertThat(collision).isNotEmpty().isNotEqualTo(new byte[] {(byte) 0xE5});
        assertThat(frames(collision)).isEmpty();
        // Both are selected now, so a read at 253 collides too.
        assertThat(frames(exchange(bus, MasterRequests.reqUd2(253, true)))).isEmpty();
        // A selection that matches nobody: no answer, and nobody is selected any more.
        assertThat(exchange(bus, MasterRequests.selectSecondary(SecondaryAddress.parse("99999999FFFFFFFF"))))
                .isEmpty();
        assertThat(exchange(bus, MasterRequests.reqUd2(253, true))).isEmpty();
        // SND_NKE to 253 acknowledges and deselects.
        exchange(bus, MasterRequests.selectSecondary(sonometer));
        assertThat(exchange(bus, MasterRequests.deselect())).containsExactly(0xE5);
        assertThat(bus.isSelected(sonometer)).isFalse();
        assertThat(exchange(bus, MasterRequests.reqUd2(253, true))).isEmpty();
    }

    @Test
    void settingThePrimaryAddress() {
        VirtualBus bus = small();
        SecondaryAddress water = address(bus, 3);
        assertThat(exchange(bus, MasterRequests.setPrimaryAddress(3, 77))).containsExactly(0xE5);
        assertThat(exchange(bus, MasterRequests.reqUd2(3, true))).isEmpty();
        LongFrame f = (LongFrame) frames(exchange(bus, MasterRequests.reqUd2(77, true))).get(0);
        assertThat(f.address()).isEqualTo(77);
        assertThat(bus.truth().atPrimary(77)).contains(water);
        // Also through a selection, for a meter with a clashing address.
        exchange(bus, MasterRequests.selectSecondary(address(bus, 4)));
        assertThat(exchange(bus, MasterRequests.setPrimaryAddress(253, 0))).containsExactly(0xE5);
        assertThat(bus.truth().meters()).anyMatch(m -> m.primaryAddress() == 0 && m.type() == MeterType.HOT_WATER);
    }

    @Test
    void applicationResetAndBaudRateSwitchAreAcknowledged() {
        VirtualBus bus = small();
        SecondaryAddress heat = address(bus, 1);
        exchange(bus, MasterRequests.reqUd2(1, true));
        assertThat(exchange(bus, MasterRequests.applicationReset(1, -1))).containsExactly(0xE5);
        // After the reset the same FCB does not repeat: the readout starts afresh.
        VariableDataResponse r = decodeResponse(exchange(bus, MasterRequests.reqUd2(1, true)));
        assertThat(r.data().moreRecordsFollow()).isTrue();
        assertThat(bus.baudOf(heat)).isEqualTo(2400);
        Reply ack = Wire.reply(bus, MasterRequests.switchBaudRate(1, 9600)).orElseThrow();
        assertThat(ack.bytes()).containsExactly(0xE5);
        assertThat(ack.baud()).isEqualTo(2400);
        assertThat(bus.baudOf(heat)).isEqualTo(9600);
        assertThat(Wire.reply(bus, MasterRequests.sndNke(1)).orElseThrow().baud()).isEqualTo(9600);
        assertThat(bus.truth().meters()).filteredOn(m -> m.primaryAddress() == 1).extracting(MeterInfo::baud)
                .containsExactly(9600);
    }

    @Test
    void damagedUnknownAndSlaveFramesGetNoAnswer() {
        VirtualBus bus = small();
        byte[] bad = MasterRequests.reqUd2(1, true);
        bad[3] ^= 0x01; // checksum
        assertThat(exchange(bus, bad)).isEmpty();
        assertThat(exchange(bus, new byte[] {(byte) 0xE5})).isEmpty();
        assertThat(exchange(bus, FrameCodec.encode(new ShortFrame(0x08, 1)))).isEmpty(); // a slave's C field
        assertThat(exchange(bus, FrameCodec.encode(new LongFrame(0x53, 1, 0x99, new byte[] {1, 2})))).isEmpty();
        assertThat(exchange(bus, new byte[] {0x11, 0x22, 0x33})).isEmpty();
        bus.resetReceiver();
        // After noise the next good frame is still understood.
        assertThat(exchange(bus, MasterRequests.sndNke(1))).containsExactly(0xE5);
        assertThat(bus.stats().unanswered()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void errorsSetAtRuntimeShowOnTheWire() {
        VirtualBus bus = small();
        SecondaryAddress heat = address(bus, 1);
        bus.setError(heat, MeterError.T2_SENSOR_BREAK);
        bus.setError(heat, MeterError.LOW_BATTERY);
        List<VariableDataResponse> t = Wire.readAll(bus, 1);
        LongHeader h = (LongHeader) t.get(0).header();
        assertThat(h.status().permanentError()).isTrue();
        assertThat(h.status().powerLow()).isTrue();
        Wire.assertMatches(t, bus.truth().reading(heat));
        assertThat(bus.truth().reading(heat).amount(Register.ERROR_CODE).intValueExact()).isEqualTo(0x1800);
    }

    @Test
    void meterAddedAndRemovedAtRuntime() {
        VirtualBus bus = small();
        SecondaryAddress gone = address(bus, 5);
        assertThat(bus.remove(gone)).isTrue();
        assertThat(exchange(bus, MasterRequests.sndNke(5))).isEmpty();
        assertThat(bus.truth().secondaryAddresses()).doesNotContain(gone).hasSize(4);
    }

    @Test
    void collisionBytesNeverFormAFrame() {
        // Many collisions of acknowledgements and telegrams alike.
        VirtualBus bus = VirtualBus.builder().seed(3).clock(CLOCK).demo(30, IdScheme.CONSECUTIVE).build();
        int collisions = 0;
        for (int digit = 0; digit < 10; digit++) {
            byte[] sel = MasterRequests.selectSecondary(SecondaryAddress.parse("FFFFFFF" + digit + "FFFFFFFF"));
            for (byte[] request : List.of(sel, MasterRequests.reqUd2(253, true), MasterRequests.sndNke(253))) {
                List<Reply> replies = bus.receive(request);
                for (Reply r : replies) {
                    if (r.kind() == Reply.Kind.COLLISION) {
                        collisions++;
                        assertThat(frames(r.bytes())).as(r.toString()).isEmpty();
                    } else {
                        assertThat(frames(r.bytes())).hasSize(1);
                    }
                }
            }
        }
        assertThat(collisions).isGreaterThan(5);
        assertThat(bus.stats().collisions()).isEqualTo(collisions);
    }

    @Test
    void collisionOfTwoAcknowledgementsIsGarbageAsOnTheWire() {
        byte[] e5 = {(byte) 0xE5};
        byte[] g = Collision.garble(List.of(e5, e5), new org.openamr.simulator.model.DeterministicRandom(1));
        assertThat(g).isNotEmpty();
        for (byte b : g) {
            assertThat(b & 0xFF).isNotIn(0xE5, 0x10, 0x68);
        }
        assertThat(Collision.makeInvalid(new byte[] {0x10, 0x5B, 0x01, 0x5C, 0x16, (byte) 0xE5}))
                .isEqualTo(new byte[] {0x11, 0x5B, 0x01, 0x5C, 0x16, (byte) 0xE4});
    }

    @Test
    void messagesTheMasterRequestsBuildAreUnderstood() {
        // Data send with the primary address via the ApplicationMessage type, not MasterRequests' helper.
        VirtualBus bus = small();
        ApplicationMessage.ApplicationReset reset = new ApplicationMessage.ApplicationReset(0);
        assertThat(exchange(bus, MasterRequests.sndUd(2, true, reset))).containsExactly(0xE5);
    }
}
