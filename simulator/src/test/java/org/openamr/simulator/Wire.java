package org.openamr.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameAssembler;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.bus.Reply;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;

/** Test helpers: talk to a bus as a master would, and compare what comes back with the truth. */
public final class Wire {

    private Wire() {
    }

    /** The bytes on the line after one request, or an empty array when nobody answered. */
    public static byte[] exchange(VirtualBus bus, byte[] request) {
        List<Reply> replies = bus.receive(request);
        assertThat(replies.size()).as("one request, at most one reply").isLessThanOrEqualTo(1);
        return replies.isEmpty() ? new byte[0] : replies.get(0).bytes();
    }

    public static Optional<Reply> reply(VirtualBus bus, byte[] request) {
        List<Reply> replies = bus.receive(request);
        return replies.stream().findFirst();
    }

    /** Every valid frame a master's assembler finds in the bytes. */
    public static List<Frame> frames(byte[] bytes) {
        FrameAssembler a = new FrameAssembler();
        a.feed(bytes);
        List<Frame> out = new ArrayList<>();
        for (Optional<Frame> f = a.next(); f.isPresent(); f = a.next()) {
            out.add(f.get());
        }
        return out;
    }

    public static VariableDataResponse decodeResponse(byte[] bytes) {
        try {
            Telegram t = TelegramCodec.decode(bytes);
            assertThat(t.frame()).isInstanceOf(LongFrame.class);
            return (VariableDataResponse) t.message();
        } catch (DecodeException e) {
            throw new AssertionError("reply does not decode: " + e.getMessage(), e);
        }
    }

    /** Reads all telegrams of a meter at {@code address} (SND_NKE first), toggling FCB as masters do. */
    public static List<VariableDataResponse> readAll(VirtualBus bus, int address) {
        assertThat(exchange(bus, MasterRequests.sndNke(address))).containsExactly(0xE5);
        List<VariableDataResponse> out = new ArrayList<>();
        boolean fcb = true;
        for (int i = 0; i < 10; i++) {
            VariableDataResponse r = decodeResponse(exchange(bus, MasterRequests.reqUd2(address, fcb)));
            out.add(r);
            if (!r.data().moreRecordsFollow()) {
                return out;
            }
            fcb = !fcb;
        }
        return fail("more than 10 telegrams");
    }

    /**
     * Every record of the telegrams carries exactly the truth's value, the header the truth's
     * identity and status, and every register of the truth is sent.
     */
    public static void assertMatches(List<VariableDataResponse> telegrams, Reading truth) {
        Set<Register> seen = EnumSet.noneOf(Register.class);
        for (VariableDataResponse t : telegrams) {
            LongHeader h = (LongHeader) t.header();
            assertThat(h.secondaryAddress()).isEqualTo(truth.meter());
            assertThat(h.status()).isEqualTo(truth.status());
            for (DataRecord r : t.data().records()) {
                Register reg = Register.of(r).orElseThrow(() -> new AssertionError("record of no register: " + r));
                assertThat(seen.add(reg)).as("%s sent once", reg).isTrue();
                Value expected = truth.value(reg);
                if (expected instanceof Value.Unavailable) {
                    assertThat(r.value()).as(reg.toString()).isInstanceOf(Value.Unavailable.class);
                } else {
                    assertThat(r.value()).as("%s of %s", reg, truth.meter()).isEqualTo(expected);
                }
            }
        }
        assertThat(seen).isEqualTo(truth.values().keySet());
    }
}
