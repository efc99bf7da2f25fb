package org.openamr.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.NoResponseException;
import org.openamr.mbus.transport.TransportException;

/**
 * The serial transport on real pseudo-terminals (socat, installed by CI): two ports joined like a
 * null-modem cable, one of them driven by an M-Bus master.
 */
class SerialTransportIT {

    @TempDir
    Path dir;

    private Path a;
    private Path b;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(PseudoTerminals.available(), "skipped: socat is not installed at " + PseudoTerminals.SOCAT);
    }

    @BeforeEach
    void names() {
        a = dir.resolve("ttyA");
        b = dir.resolve("ttyB");
    }

    @Test
    void everyByteValuePassesUnchangedInBothDirections() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i; // XON/XOFF, CR, LF and NUL included: the line must be raw
        }
        try (PseudoTerminals cable = PseudoTerminals.start(a, b);
             SerialTransport left = new SerialTransport(a.toString(), LineSettings.mbus(2400));
             SerialTransport right = new SerialTransport(b.toString(), LineSettings.mbus(2400))) {
            left.write(all);
            assertThat(readExactly(right, all.length)).isEqualTo(all);
            right.write(all);
            assertThat(readExactly(left, all.length)).isEqualTo(all);
        }
    }

    @Test
    void aReadWithNothingToReadReturnsNothingOnceItsTimeIsUp() throws Exception {
        try (PseudoTerminals cable = PseudoTerminals.start(a, b);
             SerialTransport left = new SerialTransport(a.toString(), LineSettings.mbus(9600))) {
            long start = System.nanoTime();
            assertThat(left.read(new byte[16], 0, 16, Duration.ofMillis(150))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void discardingInputDropsWhatArrivedBefore() throws Exception {
        try (PseudoTerminals cable = PseudoTerminals.start(a, b);
             SerialTransport left = new SerialTransport(a.toString(), LineSettings.mbus(2400));
             SerialTransport right = new SerialTransport(b.toString(), LineSettings.mbus(2400))) {
            right.read(new byte[1], 0, 1, Duration.ofMillis(1)); // opens the port, so that it receives
            left.write(new byte[] {1, 2, 3});
            awaitAvailable(right);
            right.discardInput();
            left.write(new byte[] {9});
            assertThat(readExactly(right, 1)).containsExactly(9);
        }
    }

    @Test
    void aMissingPortIsNamedWithThePortsThisMachineHas() {
        SerialTransport missing = new SerialTransport(dir.resolve("ttyUSB9").toString(), LineSettings.mbus(2400));
        assertThatThrownBy(() -> missing.write(new byte[] {0x10}))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.channel()).isEqualTo(dir.resolve("ttyUSB9").toString());
                    assertThat(e.problem()).startsWith("no such serial port (");
                });
    }

    @Test
    void aPortThatVanishesFailsNamedAndIsReopenedWhenItReturns() throws Exception {
        SerialTransport left = new SerialTransport(a.toString(), LineSettings.mbus(2400));
        try (PseudoTerminals cable = PseudoTerminals.start(a, b)) {
            left.write(new byte[] {1});
        }
        // the cable is gone: the next use fails with the port's name, not with a hang
        assertThatThrownBy(() -> {
            for (int i = 0; i < 50; i++) {
                left.write(new byte[] {2});
                left.read(new byte[1], 0, 1, Duration.ofMillis(20));
            }
        }).isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.channel()).isEqualTo(a.toString()));
        try (PseudoTerminals again = PseudoTerminals.start(a, b);
             SerialTransport right = new SerialTransport(b.toString(), LineSettings.mbus(2400))) {
            right.read(new byte[1], 0, 1, Duration.ofMillis(1));
            left.write(new byte[] {7, 8});
            assertThat(readExactly(right, 2)).containsExactly(7, 8);
        } finally {
            left.close();
        }
    }

    @Test
    void aMasterResetsASlaveThroughThePortAndNamesItWhenItStaysSilent() throws Exception {
        try (PseudoTerminals cable = PseudoTerminals.start(a, b);
             SerialTransport slaveSide = new SerialTransport(b.toString(), LineSettings.mbus(2400));
             MBusMaster master = new MBusMaster(new SerialTransport(a.toString(), LineSettings.mbus(2400)))) {
            slaveSide.read(new byte[1], 0, 1, Duration.ofMillis(1));
            CompletableFuture<byte[]> request = CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] frame = readExactly(slaveSide, 5);
                    slaveSide.write(new byte[] {(byte) 0xE5});
                    return frame;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            master.reset(5);
            assertThat(request.get(10, TimeUnit.SECONDS)).isEqualTo(MasterRequests.sndNke(5));

            assertThatThrownBy(() -> master.reset(6))
                    .isInstanceOfSatisfying(NoResponseException.class, e -> {
                        assertThat(e.channel()).isEqualTo(a.toString());
                        assertThat(e.slave()).contains("6");
                    });
        }
    }

    private static byte[] readExactly(SerialTransport port, int count) throws TransportException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            int n = port.read(buffer, 0, Math.min(buffer.length, count - got.size()), Duration.ofMillis(100));
            got.write(buffer, 0, n);
        }
        return got.toByteArray();
    }

    private static void awaitAvailable(SerialTransport port) throws Exception {
        // The bytes are in flight through socat; the transport offers no peek, so wait a little.
        Thread.sleep(300);
    }
}
