package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openamr.simulator.serve.ManualLineClock;

/**
 * The timeline of the virtual RTU line, exactly: the session's own clock ({@link ManualLineClock})
 * notes when it lets each reply out, computed from the baud rate and the character format.
 */
class RtuSessionTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Clock FIXED = Clock.fixed(ModbusMeterTest.AT, ZoneOffset.UTC);

    private final VirtualModbusBus bus = VirtualModbusBus.builder().clock(FIXED).units(3)
            .fault(3, new UnitFault.SlowReply(Duration.ofMillis(500))).build();
    private final ManualLineClock clock = new ManualLineClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static byte[] read(int unit, int address, int count) {
        return new RtuFrame(unit, HEX.parseHex(String.format("03%04X%04X", address, count))).encode();
    }

    @Test
    void aReplyStartsTheSilentIntervalAndAMillisecondAfterTheRequestAndGoesAtLineSpeed() throws Exception {
        RtuTiming timing = RtuTiming.paced(9600, CharacterFormat.MODBUS_DEFAULT);
        RtuSession session = new RtuSession(bus, timing, out, clock);
        long character = 11 * 1_000_000_000L / 9600; // start, 8 data, parity, stop
        assertThat(timing.characterNanos()).isEqualTo(character);
        assertThat(timing.silenceNanos()).isEqualTo(7 * character / 2);

        byte[] request = read(1, 8, 2);
        session.received(request, request.length);
        // 9 bytes: unit, function, byte count, four data bytes, CRC.
        long start = ManualLineClock.ORIGIN + 8 * character + 7 * character / 2 + 1_000_000;
        assertThat(clock.sleeps()).containsExactly(start + 9 * character);
        byte[] reply = out.toByteArray();
        assertThat(reply).hasSize(9);
        assertThat(Crc16.matches(reply, reply.length)).isTrue();
        assertThat(HEX.formatHex(reply, 0, 3)).isEqualTo("010304");

        // The next request only starts once the reply has passed on the line.
        out.reset();
        session.received(request, request.length);
        long second = start + 9 * character + 8 * character + 7 * character / 2 + 1_000_000;
        assertThat(clock.sleeps()).last().isEqualTo(second + 9 * character);
    }

    @Test
    void aSlowUnitAnswersItsDelayLaterWhileTheLineGoesOn() throws Exception {
        RtuTiming timing = RtuTiming.paced(19_200, CharacterFormat.parse("8N1"));
        RtuSession session = new RtuSession(bus, timing, out, clock);
        long character = 10 * 1_000_000_000L / 19_200;
        byte[] request = read(3, 8, 2);
        session.received(request, request.length);
        long start = ManualLineClock.ORIGIN + 8 * character + 7 * character / 2 + 1_000_000;
        assertThat(clock.lateRuns()).containsExactly(start + 500_000_000L + 9 * character);
        assertThat(out.toByteArray()).hasSize(9);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aBadCrcAnAbsentUnitAndABroadcastGetNothing() throws Exception {
        RtuSession session = new RtuSession(bus, RtuTiming.unpaced(9600, CharacterFormat.MODBUS_DEFAULT), out, clock);
        byte[] damaged = read(1, 8, 2);
        damaged[7] ^= 1;
        session.received(damaged, damaged.length);
        byte[] absent = read(4, 8, 2);
        session.received(absent, absent.length);
        byte[] broadcast = read(0, 8, 2);
        session.received(broadcast, broadcast.length);
        assertThat(out.toByteArray()).isEmpty();
        assertThat(bus.stats()).isEqualTo(new ModbusBusStats(2, 2, 0, 0, 0, 1));

        byte[] good = read(2, 8, 2);
        session.received(good, good.length);
        assertThat(out.toByteArray()).hasSize(9);
    }

    @Test
    void aboveNineteenThousandTwoHundredBaudTheSilenceIsFixed() {
        assertThat(RtuTiming.paced(38_400, CharacterFormat.MODBUS_DEFAULT).silenceNanos()).isEqualTo(1_750_000);
        assertThat(RtuTiming.paced(19_200, CharacterFormat.parse("8e1")).silenceNanos())
                .isEqualTo(7 * (11 * 1_000_000_000L / 19_200) / 2);
        assertThat(CharacterFormat.parse("8N2").bitsPerCharacter()).isEqualTo(11);
        assertThat(CharacterFormat.parse("8n1").toString()).isEqualTo("8N1");
    }
}
