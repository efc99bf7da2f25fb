package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.simulator.modbus.RtuRequestAssembler.Outcome;

class RtuFramingTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void theCrcIsCrc16ModbusLowByteFirst() {
        // The catalogue check value of CRC-16/MODBUS, and a read request as manuals print it.
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.of(check, 0, check.length)).isEqualTo(0x4B37);
        assertThat(HEX.formatHex(new RtuFrame(1, HEX.parseHex("0300000001")).encode())).isEqualTo("010300000001840A");
        assertThat(Crc16.matches(HEX.parseHex("010300000001840A"), 8)).isTrue();
        assertThat(Crc16.matches(HEX.parseHex("010300000001840B"), 8)).isFalse();
    }

    @Test
    void aDamagedReplyHasItsCrcsLowByteInverted() {
        SlaveReply reply = new SlaveReply(5, new ExceptionResponse(3, 2), true, Duration.ZERO);
        byte[] sound = new RtuFrame(5, HEX.parseHex("8302")).encode();
        byte[] damaged = RtuFrame.reply(reply);
        assertThat(damaged[damaged.length - 2]).isEqualTo((byte) ~sound[sound.length - 2]);
        assertThat(damaged[damaged.length - 1]).isEqualTo(sound[sound.length - 1]);
    }

    @Test
    void aReadRequestIsCompleteAtEightBytesHoweverItArrives() {
        RtuRequestAssembler a = new RtuRequestAssembler();
        byte[] second = new RtuFrame(2, HEX.parseHex("04000A0002")).encode();
        byte[] two = HEX.parseHex("010300000001840A" + HEX.formatHex(second));
        a.feed(two, 0, 5);
        assertThat(a.next()).isEmpty();
        a.feed(two, 5, 11);
        assertThat(a.next()).contains(new Outcome.Received(new RtuFrame(1, HEX.parseHex("0300000001"))));
        assertThat(a.next()).contains(new Outcome.Received(new RtuFrame(2, HEX.parseHex("04000A0002"))));
        assertThat(a.next()).isEmpty();
        assertThat(a.pendingBytes()).isZero();
    }

    @Test
    void aBadCrcDropsEverythingUntilTheNextSilence() {
        RtuRequestAssembler a = new RtuRequestAssembler();
        a.feed(HEX.parseHex("010300000001840B"), 0, 8);
        a.feed(HEX.parseHex("010300000001840A"), 0, 8);
        assertThat(a.next()).contains(new Outcome.Dropped(16));
        a.feed(HEX.parseHex("0103"), 0, 2);
        assertThat(a.next()).isEmpty();
        assertThat(a.silence()).isEmpty();
        a.feed(HEX.parseHex("010300000001840A"), 0, 8);
        assertThat(a.next()).containsInstanceOf(Outcome.Received.class);
    }

    @Test
    void aFunctionOfUnknownLengthEndsWithSilenceAndAFragmentIsDropped() {
        RtuRequestAssembler a = new RtuRequestAssembler();
        byte[] identification = new RtuFrame(7, HEX.parseHex("2B0E0100")).encode();
        a.feed(identification, 0, identification.length);
        assertThat(a.next()).isEmpty();
        assertThat(a.silence()).contains(new Outcome.Received(new RtuFrame(7, HEX.parseHex("2B0E0100"))));
        a.feed(HEX.parseHex("01030000"), 0, 4);
        assertThat(a.next()).isEmpty();
        assertThat(a.silence()).contains(new Outcome.Dropped(4));
        assertThat(a.silence()).isEmpty();
    }

    @Test
    void writesAreCompleteByTheirByteCount() {
        byte[] write = new RtuFrame(1, HEX.parseHex("1000010002" + "04" + "00010002")).encode();
        assertThat(RtuRequestAssembler.requestLength(write, 6)).isZero();
        assertThat(RtuRequestAssembler.requestLength(write, 7)).isEqualTo(write.length).isEqualTo(13);
        RtuRequestAssembler a = new RtuRequestAssembler();
        a.feed(write, 0, write.length);
        Optional<Outcome> o = a.next();
        assertThat(o).containsInstanceOf(Outcome.Received.class);
    }

    @Test
    void moreBytesThanAnyFrameAreAnOverrun() {
        RtuRequestAssembler a = new RtuRequestAssembler();
        byte[] noise = new byte[300];
        noise[1] = 0x2B; // a function whose length only silence tells
        a.feed(noise, 0, noise.length);
        assertThat(a.next()).isEmpty();
        assertThat(a.silence()).contains(new Outcome.Dropped(RtuFrame.MAX_LENGTH));
    }
}
