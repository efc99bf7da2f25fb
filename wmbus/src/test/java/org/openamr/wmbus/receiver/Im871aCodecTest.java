package org.openamr.wmbus.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.receiver.im871a.Fcs16;
import org.openamr.wmbus.receiver.im871a.HciFrame;
import org.openamr.wmbus.receiver.im871a.Im871aDeframer;
import org.openamr.wmbus.receiver.im871a.Im871aMessage;
import org.openamr.wmbus.receiver.im871a.Im871aRssi;

class Im871aCodecTest {

    static final String TELEGRAM = "284493154433221101377A0F00102549DECB4A1076DFBC336BCDA4CF560037426CBF2C046D112AC423";
    /** The telegram as WMBUSMSG_IND: CF 4 (RSSI attached), endpoint 2, message 03, length 28, C…, RSSI C8. */
    static final String INDICATION = "A54203" + TELEGRAM + "C8";
    /** The same with CF C (RSSI and FCS attached); FCS 23B6 sent low byte first. */
    static final String INDICATION_FCS = "A5C203" + TELEGRAM + "C8B623";

    @Test
    void theFcsIsTheCrcOfRfc1662() {
        // The check value of this CRC (CRC-16/X-25) for the ASCII digits 1 to 9.
        assertThat(Fcs16.of("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9)).isEqualTo(0x906E);
    }

    @Test
    void aReceivedTelegramWithRssiInPiecesOfOneByte() throws Exception {
        List<Deframed<HciFrame>> out = Frames.fed(new Im871aDeframer(), Hex.bytes(INDICATION), 1);
        assertThat(out).hasSize(1);
        HciFrame f = ((Deframed.Frame<HciFrame>) out.get(0)).frame();
        assertThat(f.endpoint()).isEqualTo(HciFrame.RADIO_LINK);
        assertThat(f.messageId()).isEqualTo(0x03);
        assertThat(f.rssi()).hasValue(0xC8);
        assertThat(f.fcs()).isFalse();
        Im871aMessage.DataIndication d = (Im871aMessage.DataIndication) Im871aMessage.of(f);
        assertThat(Hex.text(d.telegram())).isEqualTo(TELEGRAM);
        assertThat(d.rssiDbm()).hasValue(-23); // (200 - 245) / 2 rounded down
        assertThat(Hex.text(d.frame().encode())).isEqualTo(INDICATION);
    }

    @Test
    void garbageBeforeTheStartByteAndABadFcsAreSkippedWithTheirReason() {
        byte[] bad = Hex.bytes(INDICATION_FCS);
        bad[bad.length - 2] ^= 0x01;
        byte[] stream = Frames.concat(Hex.bytes("00 13 37"), bad, Hex.bytes(INDICATION_FCS));
        List<Deframed<HciFrame>> out = Frames.fed(new Im871aDeframer(), stream, 5);
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isEqualTo(new Deframed.Skipped<HciFrame>(3, SkipReason.GARBAGE,
                "3 byte(s) before a start byte A5"));
        assertThat(out.get(1)).isEqualTo(new Deframed.Skipped<HciFrame>(1, SkipReason.CHECKSUM,
                "FCS 23B7 of a 47-byte frame does not match 23B6"));
        assertThat(out.get(2)).isEqualTo(new Deframed.Skipped<HciFrame>(46, SkipReason.GARBAGE,
                "46 byte(s) before a start byte A5"));
        HciFrame good = ((Deframed.Frame<HciFrame>) out.get(3)).frame();
        assertThat(good.fcs()).isTrue();
        assertThat(good.encode()).isEqualTo(Hex.bytes(INDICATION_FCS));
    }

    @Test
    void aReservedControlBitOrAnUnknownEndpointIsNoFrame() {
        List<Deframed<HciFrame>> out = Frames.fed(new Im871aDeframer(), Hex.bytes("A5 12 03 00 A5 05 03 00"), 8);
        assertThat(out.get(0)).isEqualTo(new Deframed.Skipped<HciFrame>(1, SkipReason.MALFORMED,
                "control field 1 has its reserved bit set"));
        assertThat(out.get(2)).isEqualTo(new Deframed.Skipped<HciFrame>(1, SkipReason.MALFORMED,
                "endpoint 5 is not 1-4"));
    }

    @Test
    void aTimeStampIsReadLittleEndianAndAFrameCutOffIsTruncatedAtTheEnd() {
        Im871aDeframer d = new Im871aDeframer();
        List<Deframed<HciFrame>> out = Frames.fed(d, Hex.bytes("A5 22 03 0A 44 93 15 44 33 22 11 01 37 7A 01 02 03 04"
                + " A5 02 03 0A 44"), 4);
        assertThat(((Deframed.Frame<HciFrame>) out.get(0)).frame().timestamp()).hasValue(0x04030201L);
        assertThat(d.finish()).contains(new Deframed.Skipped<>(5, SkipReason.TRUNCATED, "the input ended inside a frame"));
    }

    @Test
    void theLinkModeRequestAndItsResponse() throws Exception {
        // NVM flag 0 (until reset), IIFlag1 02 (link mode) T1 = 03, IIFlag2 10 (auto RSSI) on.
        HciFrame request = Im871aMessage.SetConfigRequest.temporary(Optional.of(LinkMode.T1)).frame();
        assertThat(Hex.text(request.encode())).isEqualTo("A5010305000203100 1".replace(" ", ""));
        Im871aMessage.SetConfigRequest read = (Im871aMessage.SetConfigRequest) Im871aMessage.of(request);
        assertThat(read.linkMode()).contains(LinkMode.T1);
        assertThat(read.autoRssi()).isEqualTo(1);
        assertThat(read.saved()).isFalse();
        assertThat(Hex.text(Im871aMessage.SetConfigRequest.temporary(Optional.of(LinkMode.C1)).frame().encode()))
                .isEqualTo("A501030500020610" + "01");
        assertThat(Hex.text(Im871aMessage.SetConfigRequest.temporary(Optional.empty()).frame().encode()))
                .isEqualTo("A50103040000" + "1001");
        // Every IIFlag1 parameter before the link mode is skipped by its size: device mode, then link mode S1.
        Im871aMessage.SetConfigRequest full = (Im871aMessage.SetConfigRequest) Im871aMessage.of(
                HciFrame.request(1, 3, Hex.bytes("01 03 00 00 B0 01 01 01")));
        assertThat(full.linkMode()).contains(LinkMode.S1);
        assertThat(full.saved()).isTrue();
        assertThat(full.autoRssi()).isEqualTo(1);
        Im871aMessage.SetConfigResponse ok = (Im871aMessage.SetConfigResponse) Im871aMessage.of(
                Frames.fed(new Im871aDeframer(), Hex.bytes("A5 01 04 01 00"), 5).stream()
                        .map(x -> ((Deframed.Frame<HciFrame>) x).frame()).findFirst().orElseThrow());
        assertThat(ok.accepted()).isTrue();
        assertThat(new Im871aMessage.SetConfigResponse(1).accepted()).isFalse();
    }

    @Test
    void rssiOnTheLineOfTheRadioChip() {
        assertThat(Im871aRssi.toDbm(45)).isEqualTo(-100);
        assertThat(Im871aRssi.toDbm(205)).isEqualTo(-20);
        assertThat(Im871aRssi.toDbm(0)).isEqualTo(-123);
        assertThat(Im871aRssi.toDbm(255)).isZero();
        assertThat(new HciFrame(2, 3, new byte[0], OptionalLong.empty(), OptionalInt.of(1), false).rssi()).hasValue(1);
    }
}
