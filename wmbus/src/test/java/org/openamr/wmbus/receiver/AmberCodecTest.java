package org.openamr.wmbus.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.receiver.amber.AmberDeframer;
import org.openamr.wmbus.receiver.amber.AmberFrame;
import org.openamr.wmbus.receiver.amber.AmberMessage;
import org.openamr.wmbus.receiver.amber.AmberRssi;

class AmberCodecTest {

    static final String TELEGRAM = "284493154433221101377A0F00102549DECB4A1076DFBC336BCDA4CF560037426CBF2C046D112AC423";
    /** CMD_DATA_IND: FF 03, length 28, C…, RSSI C0, checksum 60. */
    static final String INDICATION = "FF03" + TELEGRAM + "C060";

    @Test
    void checksumsOfTheManualsExamples() {
        // AMB8426-M manual V2.4: 7.4 CMD_SET_CHANNEL_REQ for channel 11 and its confirmation, 7.7, 7.6.
        assertThat(new AmberFrame(0x06, Hex.bytes("0B")).encode()).isEqualTo(Hex.bytes("FF 06 01 0B F3"));
        assertThat(new AmberFrame(0x86, Hex.bytes("0B")).encode()).isEqualTo(Hex.bytes("FF 86 01 0B 73"));
        assertThat(new AmberFrame(0x0B, new byte[0]).encode()).isEqualTo(Hex.bytes("FF 0B 00 F4"));
        assertThat(new AmberMessage.GetRequest(0x00, 0x80).frame().encode()).isEqualTo(Hex.bytes("FF 0A 02 00 80 77"));
    }

    @Test
    void aReceivedTelegramWithRssiInPiecesOfThreeBytes() throws Exception {
        List<Deframed<AmberFrame>> out = Frames.fed(new AmberDeframer(true), Hex.bytes(INDICATION), 3);
        assertThat(out).hasSize(1);
        AmberMessage.DataIndication d = (AmberMessage.DataIndication) AmberMessage.of(
                ((Deframed.Frame<AmberFrame>) out.get(0)).frame());
        assertThat(Hex.text(d.telegram())).isEqualTo(TELEGRAM);
        assertThat(d.rssi()).hasValue(0xC0);
        assertThat(d.rssiDbm()).hasValue(-106); // (192 - 256) / 2 - 74
        assertThat(Hex.text(d.frame().encode())).isEqualTo(INDICATION);
    }

    @Test
    void withoutRssiEnabledTheSameFrameDoesNotAddUp() {
        String plain = "FF03" + TELEGRAM + "A0"; // checksum without an RSSI byte
        List<Deframed<AmberFrame>> out = Frames.fed(new AmberDeframer(false), Hex.bytes(plain), 44);
        assertThat(((Deframed.Frame<AmberFrame>) out.get(0)).frame().rssi()).isEmpty();
        List<Deframed<AmberFrame>> wrong = Frames.fed(new AmberDeframer(false), Hex.bytes(INDICATION), 45);
        assertThat(wrong.get(0)).isEqualTo(new Deframed.Skipped<AmberFrame>(1, SkipReason.CHECKSUM,
                "checksum C0 of a 44-byte frame (command 03) does not match A0"));
    }

    @Test
    void garbageAndABadChecksumAreSkippedAndTheNextFrameIsFound() {
        byte[] bad = Hex.bytes(INDICATION);
        bad[10] ^= 0x40;
        byte[] stream = Frames.concat(Hex.bytes("2C 44"), bad, Hex.bytes(INDICATION));
        List<Deframed<AmberFrame>> out = Frames.fed(new AmberDeframer(true), stream, 7);
        assertThat(out.get(0)).isEqualTo(new Deframed.Skipped<AmberFrame>(2, SkipReason.GARBAGE,
                "2 byte(s) before a start byte FF"));
        assertThat(out.get(1)).isEqualTo(new Deframed.Skipped<AmberFrame>(1, SkipReason.CHECKSUM,
                "checksum 60 of a 45-byte frame (command 03) does not match 20"));
        assertThat(out.get(2)).isEqualTo(new Deframed.Skipped<AmberFrame>(44, SkipReason.GARBAGE,
                "44 byte(s) before a start byte FF"));
        assertThat(out.get(3)).isInstanceOf(Deframed.Frame.class);
        assertThat(out).hasSize(4);
    }

    @Test
    void modeRequestConfirmationAndParameterRead() throws Exception {
        assertThat(AmberMessage.SetModeRequest.listeningIn(LinkMode.T1).frame().encode())
                .isEqualTo(Hex.bytes("FF 04 01 08 F2"));
        assertThat(AmberMessage.SetModeRequest.listeningIn(LinkMode.C1).mode()).isEqualTo(0x0E);
        assertThat(AmberMessage.SetModeRequest.listeningIn(LinkMode.S1).mode()).isEqualTo(0x03);
        AmberMessage cnf = AmberMessage.of(((Deframed.Frame<AmberFrame>) Frames.fed(new AmberDeframer(true),
                Hex.bytes("FF 84 01 00 7A"), 5).get(0)).frame());
        assertThat(cnf).isEqualTo(new AmberMessage.SetModeConfirm(0));
        assertThat(((AmberMessage.SetModeConfirm) cnf).accepted()).isTrue();
        assertThat(new AmberMessage.GetRequest(AmberMessage.RSSI_ENABLE, 1).frame().encode())
                .isEqualTo(Hex.bytes("FF 0A 02 45 01 B3"));
        AmberMessage get = AmberMessage.of(((Deframed.Frame<AmberFrame>) Frames.fed(new AmberDeframer(true),
                Hex.bytes("FF 8A 03 45 01 01 33"), 2).get(0)).frame());
        assertThat(get).isEqualTo(new AmberMessage.GetConfirm(0x45, new byte[] {1}));
    }

    @Test
    void rssiAsTheManualComputesIt() {
        assertThat(AmberRssi.toDbm(0x50)).isEqualTo(-34);
        assertThat(AmberRssi.toDbm(0x7F)).isEqualTo(-11);
        assertThat(AmberRssi.toDbm(0x80)).isEqualTo(-138);
        assertThat(AmberRssi.toDbm(0xFF)).isEqualTo(-74);
    }
}
