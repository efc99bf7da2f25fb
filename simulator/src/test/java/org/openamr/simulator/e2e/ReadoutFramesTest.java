package org.openamr.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameAssembler;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterSettings;
import org.openamr.mbus.master.Readout;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.serve.InProcessTransport;

/** A readout keeps its frames as they came off the line, so a store can keep the raw answer and decode it again. */
class ReadoutFramesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aTwoTelegramAnswerKeepsBothFramesAndTheirBytesDecodeToTheSameTelegrams() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(5).clock(CLOCK).demo(3).build();
        VirtualMeter sonoSafe = bus.meters().stream().filter(m -> m.type() == MeterType.SONOSAFE_10).findFirst()
                .orElseThrow();
        try (MBusMaster master = new MBusMaster(new InProcessTransport(bus, 2400), MasterSettings.DEFAULT, CLOCK)) {
            Readout r = master.read(sonoSafe.primaryAddress());

            assertThat(r.telegrams()).as("the SonoSafe's answer: values, then pulse inputs and due date").hasSize(2);
            assertThat(r.frames()).hasSize(2);
            byte[] raw = r.wireBytes();
            FrameAssembler assembler = new FrameAssembler();
            assembler.feed(raw, 0, raw.length);
            List<ApplicationMessage> again = new ArrayList<>();
            for (Optional<Frame> f = assembler.next(); f.isPresent(); f = assembler.next()) {
                again.add(TelegramCodec.applicationMessage(f.get()));
            }
            assertThat(assembler.pendingBytes()).isZero();
            assertThat(again).containsExactlyElementsOf(r.telegrams());
            assertThat(raw[0]).as("a long frame's start").isEqualTo((byte) 0x68);
            assertThat(raw[raw.length - 1]).as("and its stop").isEqualTo((byte) 0x16);
        }
    }

    @Test
    void aReadoutMadeFromDecodedTelegramsHasNoBytes() {
        Readout r = new Readout("model", List.of(), CLOCK.instant(), java.time.Duration.ZERO, 0);
        assertThat(r.frames()).isEmpty();
        assertThat(r.wireBytes()).isEmpty();
    }
}
