package org.openamr.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.MeterStatus;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.reading.Schedule;
import org.openamr.gateway.serve.RtuPort;
import org.openamr.modbus.map.WordOrder;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.PtyPair;
import org.openamr.simulator.serve.Socat;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * The RTU slave on a pseudo-terminal pair made by socat: the gateway opens one end as its serial port,
 * j2mod's serial master the other, 9600 baud 8E1, unit id 5.
 */
class GatewayRtuIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void j2modReadsTheMeterBlocksOverRtuAndOnlyItsUnitIsAnswered() throws Exception {
        assumeTrue(Socat.find().isPresent(), "skipped: " + Socat.INSTALL_HINT);
        VirtualBus virtual = VirtualBus.builder().seed(5).clock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
                ZoneOffset.UTC)).demo(3).build();
        Path meters = Files.writeString(dir.resolve("meters.txt"), "1 1\n2 2\n3 3\n");
        try (TcpBusServer bus = TcpBusServer.start(virtual, 0, Pacing.unpaced());
             PtyPair pty = PtyPair.start(dir.resolve("client"), dir.resolve("gateway"))) {
            RtuPort port = RtuPort.of("rtu:" + pty.hostPath() + "?baud=9600&format=8E1", 5);
            GatewaySettings settings = new GatewaySettings(BusConnection.of("tcp://127.0.0.1:" + bus.port(), 2400), meters,
                    false, new Schedule.Every(Duration.ofHours(1)), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    Optional.of(port), ValueFormat.FLOAT32, WordOrder.LITTLE, 7, "0.1.0", ZoneOffset.UTC);
            try (Gateway gateway = Gateway.open(settings, Clock.systemUTC(), s -> { })) {
                gateway.serve();
                assertThat(gateway.readOnce().ok()).isEqualTo(3);
                SerialParameters p = new SerialParameters();
                p.setPortName(pty.devicePath().toString());
                p.setBaudRate(9600);
                p.setDatabits(8);
                p.setParity("Even");
                p.setStopbits(1);
                p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
                ModbusSerialMaster j2mod = new ModbusSerialMaster(p, 1000);
                j2mod.connect();
                try {
                    j2mod.setRetries(0);
                    GatewayClient client = new GatewayClient(j2mod, ValueFormat.FLOAT32, WordOrder.LITTLE, 5);
                    for (int slot = 1; slot <= 3; slot++) {
                        Map<String, BigDecimal> got = client.read(slot);
                        assertThat(got.get("id")).isEqualByComparingTo(virtual.meters().get(slot - 1).id());
                        assertThat(got.get("status").intValue()).isEqualTo(MeterStatus.OK.code());
                        assertThat(got).containsKey("volume");
                    }
                    assertThatThrownBy(() -> j2mod.readMultipleRegisters(5, Layout.blockStart(4), 2))
                            .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
                    assertThatThrownBy(() -> j2mod.readMultipleRegisters(6, 0, 2)).as("another unit's request")
                            .isInstanceOf(ModbusException.class).isNotInstanceOf(ModbusSlaveException.class);
                } finally {
                    j2mod.disconnect();
                }
            }
        }
    }
}
