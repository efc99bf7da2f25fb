package org.openamr.gateway.meters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.acquisition.channel.WiredMeterAddress;

class MeterFileTest {

    @TempDir
    Path dir;

    @Test
    void linesWithoutASlotGetTheNextFreeOnesAndKeepThemOnceWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("meters.txt"), """
                # the basement
                3 68410001   # flat 3
                5
                1 6841000224A50704
                12345678     # new heat meter
                """);
        MeterFile.Read read = MeterFile.read(file);
        assertThat(read.slotsAssigned()).isTrue();
        assertThat(read.meters().entries()).extracting(MeterEntry::slot).containsExactly(1, 3, 4, 5);
        assertThat(read.meters().inSlot(4).orElseThrow().address()).isEqualTo(WiredMeterAddress.parse("5"));
        assertThat(read.meters().inSlot(5).orElseThrow().note()).isEqualTo("new heat meter");
        MeterFile.write(file, read.meters());
        MeterFile.Read again = MeterFile.read(file);
        assertThat(again.slotsAssigned()).isFalse();
        assertThat(again.meters()).isEqualTo(read.meters());
        assertThat(Files.readString(file)).contains("3 68410001  # flat 3\n").contains("4 5\n");
    }

    @Test
    void mistakesAreRefusedWithTheirLine() throws Exception {
        assertThatThrownBy(() -> MeterFile.read(Files.writeString(dir.resolve("a"), "1 5\n1 6\n")))
                .isInstanceOf(MeterFileException.class).hasMessageEndingWith("a:2: slot 1 is given on line 1 already");
        assertThatThrownBy(() -> MeterFile.read(Files.writeString(dir.resolve("b"), "1 5\n\n2 5\n")))
                .hasMessageEndingWith("b:3: meter 5 is listed on line 1 already");
        assertThatThrownBy(() -> MeterFile.read(Files.writeString(dir.resolve("c"), "251 5\n")))
                .hasMessageEndingWith("c:1: slot '251' is not a number 1-250");
        assertThatThrownBy(() -> MeterFile.read(Files.writeString(dir.resolve("d"), "1 300\n")))
                .hasMessageContaining("d:1: ").hasMessageContaining("300");
        assertThatThrownBy(() -> MeterFile.read(Files.writeString(dir.resolve("e"), "1 abc\n")))
                .hasMessageEndingWith("e:1: 'abc' is neither a primary address (0-250), an 8-digit id nor a 16-hex-digit"
                        + " secondary address");
        assertThatThrownBy(() -> MeterFile.read(Files.writeString(dir.resolve("f"), "1 5 6\n")))
                .hasMessageEndingWith("f:1: expected SLOT ADDRESS, got 3 words");
        assertThatThrownBy(() -> MeterFile.read(Files.writeString(dir.resolve("g"), "250 5\n6\n")))
                .hasMessageEndingWith("g:2: no slot left for meter 6: slots 1..250 are taken");
    }
}
