package org.openamr.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;

class GatewayCommandTest {

    @TempDir
    Path dir;

    private static void refused(CliRun run, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void wrongOptionsAreRefusedNamingTheOption() throws Exception {
        Path meters = Files.writeString(dir.resolve("meters.txt"), "1 1\n");
        String m = meters.toString();
        refused(CliRun.of("gateway", "--meters", m), "openamr gateway: give the M-Bus to read with --bus");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1"), "give the meter file with --meters FILE");
        refused(CliRun.of("gateway", "--bus", "ftp://x", "--meters", m), "--bus: channel address 'ftp://x'");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--rtu", "tcp://127.0.0.1:502"),
                "--rtu: 'tcp://127.0.0.1:502' is no serial port: the RTU slave answers on rtu:/dev/ttyS0");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--rtu", "rtu:/dev/ttyS0?parity=E"),
                "--rtu: Modbus address 'rtu:/dev/ttyS0?parity=E': 'parity=E' is not baud=N or format=8E1|8O1|8N2|8N1");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--rtu", "rtu:/dev/ttyS0", "--rtu-unit",
                "248"), "--rtu: RTU unit id 248 is outside 1..247");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--cron", "61 * * * *"),
                "--cron: cron minute field '61': 61 is outside 0–59");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--interval", "soon"),
                "--interval: 'soon' is no duration");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--interval", "15m", "--cron", "0 * * * *"),
                "mutually exclusive");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--values", "int16"), "--values");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--listen", "70000"),
                "--listen must be a port 0..65535");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", m, "--serial", "4294967296"),
                "the gateway serial must be 0..4294967295");
    }

    @Test
    void aMissingOrWrongMeterFileOrABusyPortStopsTheStart() throws Exception {
        Path missing = dir.resolve("missing.txt");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", missing.toString(), "--listen", "0"),
                "openamr gateway: " + missing + ": no such file: list the meters in it");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "1 1\n1 2\n");
        refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", wrong.toString(), "--listen", "0"),
                wrong + ":2: slot 1 is given on line 1 already");
        Path meters = Files.writeString(dir.resolve("meters.txt"), "1 1\n");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused(CliRun.of("gateway", "--bus", "tcp://127.0.0.1:1", "--meters", meters.toString(), "--listen",
                    Integer.toString(busy.getLocalPort()), "--bind", "127.0.0.1"),
                    "openamr gateway: cannot listen on 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void mapPrintsTheRegisterMapOfASlot() {
        CliRun run = CliRun.of("gateway", "map", "--slot", "3", "--values", "float32", "--word-order", "little");
        assertThat(run.exit()).as(run.err()).isZero();
        RegisterMap map = RegisterMapParser.parse("printed", run.out());
        assertThat(map.name()).isEqualTo("OpenAMR gateway slot 3 float32 little");
        assertThat(map.value("energy").orElseThrow().address()).isEqualTo(3 * 64 + 32);
        assertThat(map.value("id").orElseThrow().address()).isEqualTo(3 * 64);
        refused(CliRun.of("gateway", "map", "--slot", "251"), "--slot must be 1..250, got 251");
    }
}
