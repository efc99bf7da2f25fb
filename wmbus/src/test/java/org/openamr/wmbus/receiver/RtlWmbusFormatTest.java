package org.openamr.wmbus.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.receiver.rtlwmbus.RtlWmbusFormat;
import org.openamr.wmbus.receiver.rtlwmbus.RtlWmbusLine;

class RtlWmbusFormatTest {

    /** jMBus's mode-5 test telegram (MPL-2.0) as rtl_wmbus prints it. */
    static final String TELEGRAM = "284493154433221101377a0f00102549decb4a1076dfbc336bcda4cf560037426cbf2c046d112ac423";
    static final String LINE = "T1;1;1;2019-04-03 19:00:43.000;97;148;11223344;0x" + TELEGRAM;

    @Test
    void readsEveryField() throws Exception {
        RtlWmbusLine l = RtlWmbusFormat.parseLine(LINE).orElseThrow();
        assertThat(l.mode()).isEqualTo(LinkMode.T1);
        assertThat(l.crcOk()).isTrue();
        assertThat(l.threeOfSixOk()).isTrue();
        assertThat(l.intact()).isTrue();
        assertThat(l.receivedAt()).isEqualTo(Instant.parse("2019-04-03T19:00:43Z"));
        assertThat(l.packetRssi()).isEqualTo(97);
        assertThat(l.currentRssi()).isEqualTo(148);
        assertThat(l.linkId()).isEqualTo("11223344");
        assertThat(l.telegram()).isEqualTo(Hex.bytes(TELEGRAM));
        assertThat(RtlWmbusFormat.format(l)).isEqualTo(LINE);
    }

    @Test
    void aFailedCrcOrLineCodeIsKeptAsNotIntact() throws Exception {
        RtlWmbusLine crc = RtlWmbusFormat.parseLine(LINE.replace("T1;1;1;", "T1;0;1;")).orElseThrow();
        assertThat(crc.crcOk()).isFalse();
        assertThat(crc.intact()).isFalse();
        RtlWmbusLine code = RtlWmbusFormat.parseLine(LINE.replace("T1;1;1;", "T1;1;0;")).orElseThrow();
        assertThat(code.threeOfSixOk()).isFalse();
        assertThat(code.intact()).isFalse();
    }

    @Test
    void theAlgorithmTagOfRtlWmbusDashAIsSkippedAndC1AndS1AreRead() throws Exception {
        assertThat(RtlWmbusFormat.parseLine("t2a;" + LINE.replace("T1;", "C1;")).orElseThrow().mode())
                .isEqualTo(LinkMode.C1);
        assertThat(RtlWmbusFormat.parseLine(LINE.replace("T1;", "S1;") + "\r".strip()).orElseThrow().mode())
                .isEqualTo(LinkMode.S1);
        assertThat(RtlWmbusFormat.parseLine("   ")).isEmpty();
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine("T1;1;1;2019-04-03 19:00:43.000;97;148;11223344"))
                .hasMessage("expected 8 fields separated by ';' (MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;"
                        + "CURRENT_RSSI;ID;0xHEX), found 7");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE.replace("T1;", "X1;")))
                .hasMessage("mode 'X1' is not T1, C1 or S1");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE.replace("T1;1;", "T1;2;")))
                .hasMessage("CRC_OK '2' is not 0 or 1");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE.replace("19:00:43.000", "19:00")))
                .hasMessage("timestamp '2019-04-03 19:00' is not yyyy-MM-dd HH:mm:ss.SSS");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE.replace(";97;", ";-97;")))
                .hasMessage("PACKET_RSSI '-97' is not a non-negative integer");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE.replace("11223344", "1122334")))
                .hasMessage("the identification number '1122334' is not 8 hex digits");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE.replace(";0x", ";")))
                .hasMessage("the telegram does not start with 0x");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE + "z"))
                .hasMessage("the telegram: 'z' at character 82 is not a hex digit");
        assertThatThrownBy(() -> RtlWmbusFormat.parseLine(LINE + "0"))
                .hasMessage("the telegram has an odd number of hex digits (83)");
    }

    @Test
    void theDeframerJoinsPartialReadsAndSkipsABadLineByNumber() {
        String stream = "rtl_wmbus starting\n" + LINE + "\r\n" + LINE.replace("T1;", "C1;");
        byte[] b = stream.getBytes(StandardCharsets.US_ASCII);
        TextDeframer<RtlWmbusLine> d = RtlWmbusFormat.deframer();
        List<Deframed<RtlWmbusLine>> out = new ArrayList<>();
        for (int from = 0; from < b.length; from += 7) {
            d.feed(b, from, Math.min(7, b.length - from));
            for (Optional<Deframed<RtlWmbusLine>> n = d.next(); n.isPresent(); n = d.next()) {
                out.add(n.get());
            }
        }
        assertThat(d.pendingBytes()).as("the last line has no end yet").isEqualTo(LINE.length());
        for (Optional<Deframed<RtlWmbusLine>> n = d.finish(); n.isPresent(); n = d.finish()) {
            out.add(n.get());
        }
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isEqualTo(new Deframed.Skipped<RtlWmbusLine>(19, SkipReason.MALFORMED,
                "line 1: expected 8 fields separated by ';' (MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;"
                        + "ID;0xHEX), found 1"));
        assertThat(((Deframed.Frame<RtlWmbusLine>) out.get(1)).frame().mode()).isEqualTo(LinkMode.T1);
        assertThat(((Deframed.Frame<RtlWmbusLine>) out.get(1)).bytes()).isEqualTo(LINE.length() + 2);
        assertThat(((Deframed.Frame<RtlWmbusLine>) out.get(2)).frame().mode()).isEqualTo(LinkMode.C1);
        assertThat(d.lines()).isEqualTo(3);
        assertThat(d.skippedBytes()).isEqualTo(19);
    }

    @Test
    void aLineWithoutEndBeyondTheLimitIsDroppedOnceWithItsRest() {
        TextDeframer<RtlWmbusLine> d = RtlWmbusFormat.deframer();
        byte[] junk = "x".repeat(RtlWmbusFormat.MAX_LINE + 2).getBytes(StandardCharsets.US_ASCII);
        d.feed(junk);
        Deframed<RtlWmbusLine> first = d.next().orElseThrow();
        assertThat(first).isEqualTo(new Deframed.Skipped<RtlWmbusLine>(junk.length, SkipReason.OVERSIZED,
                "line 1 is longer than the 1024 characters a line may have"));
        d.feed(("xxxx\n" + LINE + "\n").getBytes(StandardCharsets.US_ASCII));
        Deframed<RtlWmbusLine> second = d.next().orElseThrow();
        assertThat(second).isInstanceOf(Deframed.Frame.class);
        assertThat(d.lines()).isEqualTo(2);
        assertThat(d.next()).isEmpty();
    }
}
