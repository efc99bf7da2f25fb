package org.openamr.simulator.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.FrameCodec;
import org.openamr.simulator.Wire;
import org.openamr.simulator.bus.MeterInfo;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;

/** Raw bytes through socat's pseudo-terminal pair; skipped only where socat is not installed. */
class PtyBusServerIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(Socat.find().isPresent(), "skipped: " + Socat.INSTALL_HINT);
    }

    @Test
    void readsAMeterThroughThePseudoTerminalAndSurvivesReopening() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(4).clock(Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"),
                ZoneOffset.UTC)).meter(MeterType.SONOSELECT_10, "77001122", 12).build();
        MeterInfo meter = bus.truth().meters().get(0);
        Path master = dir.resolve("ttyMBUS0");
        try (PtyBusServer server = PtyBusServer.start(bus, master, Pacing.unpaced())) {
            assertThat(Files.isSymbolicLink(master)).isTrue();
            assertThat(server.busPath()).isEqualTo(dir.resolve("ttyMBUS0.bus"));
            assertThat(server.isAlive()).isTrue();
            for (int open = 0; open < 2; open++) {
                try (MasterLine line = new MasterLine(new FileInputStream(master.toFile()),
                        new FileOutputStream(master.toFile()))) {
                    line.send(MasterRequests.sndNke(12));
                    assertThat(line.frame(3000)).containsInstanceOf(AckFrame.class);
                    line.send(MasterRequests.reqUd2(12, true));
                    VariableDataResponse first = Wire.decodeResponse(FrameCodec.encode(line.frame(3000).orElseThrow()));
                    line.send(MasterRequests.reqUd2(12, false));
                    VariableDataResponse second = Wire.decodeResponse(FrameCodec.encode(line.frame(3000).orElseThrow()));
                    Wire.assertMatches(List.of(first, second), bus.truth().reading(meter.secondaryAddress()));
                    // Every byte value passes unchanged (raw, no echo): the telegrams hold 0x0A, 0x0D, 0x11 …
                    line.send(MasterRequests.sndNke(13));
                    assertThat(line.frame(200)).isEmpty();
                }
            }
        }
        assertThat(Files.exists(master)).as("socat removes its links").isFalse();
    }
}
