package org.openamr.acquisition.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.mbus.transport.TransportException;
import org.openamr.simulator.radio.dongle.Amb8465Emulator;
import org.openamr.simulator.radio.dongle.Im871aEmulator;
import org.openamr.simulator.serve.Socat;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.im871a.HciFrame;
import org.openamr.wmbus.receiver.im871a.Im871aMessage;

/**
 * The dongle receivers through real pseudo-terminal pairs (socat) opened with jSerialComm, against
 * emulated sticks. Without socat these tests fail with the install hint: CI installs it.
 */
class DongleReceiverIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSocat() throws IOException {
        Socat.require();
    }

    @Test
    void im871aIsSetToT1AndDeliversTelegramsWithTheirRssi() throws Exception {
        try (Im871aEmulator stick = Im871aEmulator.start(dir.resolve("ttyIM871A"));
             RadioReceiver r = RadioReceivers.open(ReceiverAddress.parse("im871a:" + stick.hostPath()),
                     Optional.of(LinkMode.T1), false, CLOCK)) {
            HciFrame request = stick.requests().get(0);
            Im871aMessage.SetConfigRequest set = (Im871aMessage.SetConfigRequest) Im871aMessage.of(request);
            assertThat(set.linkMode()).contains(LinkMode.T1);
            assertThat(set.autoRssi()).isEqualTo(1);
            assertThat(set.saved()).as("nothing written to the stick's memory").isFalse();
            stick.hear(Telegrams.bytes(Telegrams.MODE5), 205);
            stick.hear(Telegrams.bytes(Telegrams.SONOMETER), 45);
            HeardTelegram first = (HeardTelegram) r.next();
            assertThat(first.telegram()).isEqualTo(Telegrams.bytes(Telegrams.MODE5));
            assertThat(first.rssiDbm()).hasValue(-20);
            assertThat(first.mode()).contains(LinkMode.T1);
            assertThat(first.receiver()).isEqualTo("im871a:" + stick.hostPath());
            assertThat(first.receivedAt()).isEqualTo(CLOCK.instant());
            HeardTelegram second = (HeardTelegram) r.next();
            assertThat(second.telegram()).isEqualTo(Telegrams.bytes(Telegrams.SONOMETER));
            assertThat(second.rssiDbm()).hasValue(-100);
        }
    }

    @Test
    void im871aThatRefusesTheModeIsAClearError() throws Exception {
        try (Im871aEmulator stick = Im871aEmulator.start(dir.resolve("ttyIM871A")).refusing(LinkMode.S1)) {
            assertThatThrownBy(() -> RadioReceivers.open(ReceiverAddress.parse("im871a:" + stick.hostPath()),
                    Optional.of(LinkMode.S1), false, CLOCK))
                    .isInstanceOf(TransportException.class)
                    .hasMessage("im871a:" + stick.hostPath() + ": the iM871A refused the request to listen in S1 (status 01)");
        }
    }

    @Test
    void amb8465IsSetToC1AndDeliversTelegramsWithTheirRssiAfterNoise() throws Exception {
        try (Amb8465Emulator stick = Amb8465Emulator.start(dir.resolve("ttyAMB"), true, true);
             RadioReceiver r = RadioReceivers.open(ReceiverAddress.parse("amb8465:" + stick.hostPath()),
                     Optional.of(LinkMode.C1), false, CLOCK)) {
            assertThat(stick.modeCode()).as("C2 other, which hears C1").isEqualTo(0x0E);
            stick.noise(Telegrams.bytes("0D0A"));
            stick.hear(Telegrams.bytes(Telegrams.MODE5), 0xC0);
            stick.hear(Telegrams.bytes(Telegrams.SONOMETER), 0x50);
            Reception.Damaged noise = (Reception.Damaged) r.next();
            assertThat(noise.kind()).isEqualTo("garbage");
            assertThat(noise.detail()).isEqualTo("garbage: 2 byte(s) before a start byte FF (2 bytes skipped)");
            HeardTelegram first = (HeardTelegram) r.next();
            assertThat(first.telegram()).isEqualTo(Telegrams.bytes(Telegrams.MODE5));
            assertThat(first.rssiDbm()).hasValue(-106);
            assertThat(first.mode()).contains(LinkMode.C1);
            HeardTelegram second = (HeardTelegram) r.next();
            assertThat(second.rssiDbm()).hasValue(-34);
        }
    }

    @Test
    void amb8465WithoutRssiEnabledDeliversTelegramsWithoutRssiAndLeavesTheModeWhenNoneIsGiven() throws Exception {
        try (Amb8465Emulator stick = Amb8465Emulator.start(dir.resolve("ttyAMB"), true, false);
             RadioReceiver r = RadioReceivers.open(ReceiverAddress.parse("amb8465:" + stick.hostPath()),
                     Optional.empty(), false, CLOCK)) {
            assertThat(stick.modeCode()).isEqualTo(-1);
            stick.hear(Telegrams.bytes(Telegrams.MODE5), 0xC0);
            HeardTelegram h = (HeardTelegram) r.next();
            assertThat(h.telegram()).isEqualTo(Telegrams.bytes(Telegrams.MODE5));
            assertThat(h.rssiDbm()).isEmpty();
            assertThat(h.mode()).isEmpty();
        }
    }

    @Test
    void amb8465RefusalsAreClearErrors() throws Exception {
        try (Amb8465Emulator stick = Amb8465Emulator.start(dir.resolve("ttyAMB"), true, true).refusing(LinkMode.T1)) {
            assertThatThrownBy(() -> RadioReceivers.open(ReceiverAddress.parse("amb8465:" + stick.hostPath()),
                    Optional.of(LinkMode.T1), false, CLOCK))
                    .hasMessage("amb8465:" + stick.hostPath() + ": the AMB8465 refused the request to listen in T1 "
                            + "(status 01)");
        }
        try (Amb8465Emulator stick = Amb8465Emulator.start(dir.resolve("ttyAMB2"), false, true)) {
            assertThatThrownBy(() -> RadioReceivers.open(ReceiverAddress.parse("amb8465:" + stick.hostPath()),
                    Optional.of(LinkMode.T1), false, CLOCK))
                    .hasMessageContaining("the AMB8465 sends received telegrams without command frames "
                            + "(parameter UART_CMD_Out_Enable at 0x05 is 0)");
        }
    }

    @Test
    void aPortWhereNoStickAnswersIsNamedWithTheExpectedStick() throws Exception {
        try (Amb8465Emulator notAnIm871a = Amb8465Emulator.start(dir.resolve("ttyOther"), true, true)) {
            assertThatThrownBy(() -> RadioReceivers.open(ReceiverAddress.parse("im871a:" + notAnIm871a.hostPath()),
                    Optional.of(LinkMode.T1), false, CLOCK))
                    .hasMessage("im871a:" + notAnIm871a.hostPath() + ": no answer to the request to listen in T1 "
                            + "within 2 s: is an iM871A plugged in there (57600,8N1)?");
        }
    }
}
