package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitFaultTest {

    @Test
    void readsEveryKindAndWritesItBack() {
        assertThat(UnitFault.parse("no-answer")).isEqualTo(new UnitFault.NoAnswer());
        assertThat(UnitFault.parse("CRC")).isEqualTo(new UnitFault.CorruptReply());
        assertThat(UnitFault.parse("exception:0B")).isEqualTo(new UnitFault.ExceptionReply(0x0B));
        assertThat(UnitFault.parse("exception:0x06")).isEqualTo(new UnitFault.ExceptionReply(6));
        assertThat(UnitFault.parse("slow:1s500ms")).isEqualTo(new UnitFault.SlowReply(Duration.ofMillis(1500)));
        assertThat(UnitFault.parse("as:12")).isEqualTo(new UnitFault.OtherUnit(12));
        for (String text : new String[] {"no-answer", "crc", "exception:0B", "slow:1s500ms", "as:12"}) {
            assertThat(UnitFault.parse(text).text()).isEqualTo(text);
        }
        assertThat(new UnitFault.ExceptionReply(2).describe()).isEqualTo("answers exception 02 Illegal data address");
        assertThat(new UnitFault.ExceptionReply(9).describe()).isEqualTo("answers exception 09");
    }

    @Test
    void aWrongFaultIsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> UnitFault.parse("late")).hasMessageContaining("unknown fault 'late'")
                .hasMessageContaining("no-answer, crc, exception:CODE, slow:DURATION and as:UNIT");
        assertThatThrownBy(() -> UnitFault.parse("exception")).hasMessageContaining("needs an exception code in hex");
        assertThatThrownBy(() -> UnitFault.parse("exception:1FF")).hasMessageContaining("got '1ff'");
        assertThatThrownBy(() -> UnitFault.parse("exception:00")).hasMessageContaining("01..FF, got 0");
        assertThatThrownBy(() -> UnitFault.parse("crc:2")).hasMessageContaining("takes no argument");
        assertThatThrownBy(() -> UnitFault.parse("slow:soon")).hasMessageContaining("fault 'slow'");
        assertThatThrownBy(() -> UnitFault.parse("as:256")).hasMessageContaining("0..255");
    }
}
