package org.openamr.wmbus.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.receiver.replay.ReplayFormat;
import org.openamr.wmbus.receiver.replay.ReplayLine;

class ReplayFormatTest {

    static final String HEX = "284493154433221101377A0F00102549DECB4A1076DFBC336BCDA4CF560037426CBF2C046D112AC423";

    @Test
    void writesExactlyTheDocumentedLine() {
        ReplayLine l = new ReplayLine(Instant.parse("2026-11-24T10:15:30.125Z"), Optional.of(LinkMode.T1),
                OptionalInt.of(-67), Hex.bytes(HEX));
        assertThat(ReplayFormat.format(l)).isEqualTo("2026-11-24T10:15:30.125Z T1 -67 " + HEX);
        ReplayLine unknown = new ReplayLine(Instant.parse("2026-11-24T10:15:00Z"), Optional.empty(),
                OptionalInt.empty(), Hex.bytes(HEX));
        assertThat(ReplayFormat.format(unknown)).isEqualTo("2026-11-24T10:15:00Z - - " + HEX);
    }

    @Test
    void readsWhatItWritesAndLowerCaseAndTabs() throws Exception {
        ReplayLine l = ReplayFormat.parseLine("2026-11-24T10:15:30.125Z\tc1  -101 " + HEX.toLowerCase()).orElseThrow();
        assertThat(l.receivedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.125Z"));
        assertThat(l.mode()).contains(LinkMode.C1);
        assertThat(l.rssiDbm()).hasValue(-101);
        assertThat(l.telegramHex()).isEqualTo(HEX);
        assertThat(ReplayFormat.parseLine(ReplayFormat.format(l))).contains(l);
        assertThat(ReplayFormat.parseLine("  # recorded at the boiler room")).isEmpty();
        assertThat(ReplayFormat.parseLine("")).isEmpty();
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThatThrownBy(() -> ReplayFormat.parseLine("2026-11-24T10:15:30Z T1 " + HEX))
                .hasMessage("expected 4 fields '<instant> <mode> <rssi> <hex>', found 3");
        assertThatThrownBy(() -> ReplayFormat.parseLine("2026-11-24T10:15:30+01:00 T1 -67 " + HEX))
                .hasMessage("time '2026-11-24T10:15:30+01:00' must be an ISO-8601 instant in UTC ending in Z, e.g. "
                        + "2026-11-24T10:15:30.125Z");
        assertThatThrownBy(() -> ReplayFormat.parseLine("2026-11-24 10:15:30Z T1 -67 " + HEX))
                .hasMessage("expected 4 fields '<instant> <mode> <rssi> <hex>', found 5");
        assertThatThrownBy(() -> ReplayFormat.parseLine("2026-13-24T10:15:30Z T1 -67 " + HEX))
                .hasMessage("time '2026-13-24T10:15:30Z' is not an ISO-8601 instant such as 2026-11-24T10:15:30.125Z");
        assertThatThrownBy(() -> ReplayFormat.parseLine("2026-11-24T10:15:30Z T2 -67 " + HEX))
                .hasMessage("mode 'T2' is not S1, T1, C1 or -");
        assertThatThrownBy(() -> ReplayFormat.parseLine("2026-11-24T10:15:30Z T1 -67dBm " + HEX))
                .hasMessage("RSSI '-67dBm' is not an integer in dBm (e.g. -67) or -");
        assertThatThrownBy(() -> ReplayFormat.parseLine("2026-11-24T10:15:30Z T1 -67 " + HEX + "G"))
                .hasMessage("the telegram: 'G' at character 82 is not a hex digit");
    }

    @Test
    void aFileWhoseLastLineHasNoEndGivesEveryTelegramAndNamesTheBadLine() {
        String file = "# replay\n2026-11-24T10:15:30Z T1 -67 " + HEX + "\n\n2026-11-24T10:15:31Z T1 sixty " + HEX
                + "\r\n2026-11-24T10:15:32Z - - " + HEX;
        TextDeframer<ReplayLine> d = ReplayFormat.deframer();
        d.feed(file.getBytes(StandardCharsets.US_ASCII));
        List<Deframed<ReplayLine>> out = new ArrayList<>();
        for (Optional<Deframed<ReplayLine>> n = d.finish(); n.isPresent(); n = d.finish()) {
            out.add(n.get());
        }
        assertThat(out).hasSize(3);
        assertThat(((Deframed.Frame<ReplayLine>) out.get(0)).frame().rssiDbm()).hasValue(-67);
        Deframed.Skipped<ReplayLine> bad = (Deframed.Skipped<ReplayLine>) out.get(1);
        assertThat(bad.reason()).isEqualTo(SkipReason.MALFORMED);
        assertThat(bad.detail()).isEqualTo("line 4: RSSI 'sixty' is not an integer in dBm (e.g. -67) or -");
        assertThat(((Deframed.Frame<ReplayLine>) out.get(2)).frame().mode()).isEmpty();
        assertThat(d.pendingBytes()).isZero();
    }
}
