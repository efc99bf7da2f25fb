package org.openamr.mbus.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.TestBytes;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.RecordDecoder;

class DeviceProfilesTest {

    private final DeviceProfile danfoss = DeviceProfiles.builtIn().find("DFS", 0x2F).orElseThrow();

    private String nameOf(String recordHex) throws DecodeException {
        byte[] b = TestBytes.hex(recordHex);
        DataRecord r = RecordDecoder.decode(b, 0, b.length, false).records().get(0);
        return danfoss.meaningOf(r).map(RecordMeaning::name).orElse("-");
    }

    @Test
    void danfossRecordsAreNamed() throws DecodeException {
        assertThat(nameOf("0C 06 07400200")).isEqualTo("heatEnergy");
        assertThat(nameOf("04 86 3C 00000000")).isEqualTo("coolingEnergy");
        assertThat(nameOf("4C 06 07400200")).isEqualTo("heatEnergyDueDate");
        assertThat(nameOf("8C 10 06 00000000")).isEqualTo("tariffEnergy");
        assertThat(nameOf("8C 40 13 99000000")).isEqualTo("pulseInput1Volume");
        assertThat(nameOf("8C 80 40 13 99000000")).isEqualTo("pulseInput2Volume");
        assertThat(nameOf("CC 80 40 13 99000000")).isEqualTo("pulseInput2VolumeDueDate");
        assertThat(nameOf("42 6C 1F31")).isEqualTo("dueDate");
        assertThat(nameOf("0A A6 18 1200")).isEqualTo("errorTime");
        assertThat(nameOf("34 6D 3A0DE602")).isEqualTo("errorSince");
        assertThat(nameOf("0A 5A 1234")).isEqualTo("flowTemperature");
        assertThat(DeviceProfiles.builtIn().find("KAM", 1)).isEmpty();
    }

    @Test
    void errorCodeDigitsAreSumsOfBits() {
        assertThat(danfoss.errorsOf(0)).isEmpty();
        assertThat(danfoss.errorsOf(0x0410)).extracting(ErrorMeaning::code).containsExactly("T2_SHORT_CIRCUIT");
        List<ErrorMeaning> many = danfoss.errorsOf(0x9083);
        assertThat(many).extracting(ErrorMeaning::code)
                .containsExactly("BATTERY_END", "ELECTRONICS_FAILURE", "T1_DISCONNECTED", "NO_FLOW_SIGNAL", "REVERSE_FLOW");
        assertThat(many).filteredOn(ErrorMeaning::stopsIntegration).hasSize(2);
        assertThat(many.get(0).labelRu()).isEqualTo("Разряд батареи или нет сетевого питания");
    }

    @Test
    void aUserProfileDirectoryComesFirst(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.profile"), """
                profile | My DFS override
                manufacturer | DFS
                versions | 0x2F
                record | energy | * | * | * | * | * | * | myEnergy | My energy | Моя энергия
                """);
        DeviceProfiles profiles = DeviceProfiles.builtIn().withDirectory(dir);
        assertThat(profiles.find("DFS", 0x2F).orElseThrow().name()).isEqualTo("My DFS override");
        assertThat(profiles.find("DFS", 0x2B).orElseThrow().name()).startsWith("Danfoss");
    }

    @Test
    void badProfilesSayWhereAndWhat() {
        assertThatThrownBy(() -> ProfileParser.parse("x.profile", "profile | X\nmanufacturer | dfs\n"))
                .isInstanceOf(ProfileFormatException.class).hasMessage("x.profile, line 2: manufacturer must be three letters A-Z");
        assertThatThrownBy(() -> ProfileParser.parse("x.profile", "profile | X\nmanufacturer | DFS\n"
                + "record | heat | * | * | * | * | * | * | a | b | c\n"))
                .hasMessage("x.profile, line 3: unknown quantity 'heat'");
        assertThatThrownBy(() -> ProfileParser.parse("x.profile", "profile | X\nmanufacturer | DFS\n"
                + "record | energy | * | * | * | * | FORWARD | * | a | b | c\n"))
                .hasMessage("x.profile, line 3: unknown modifier 'FORWARD'");
        assertThatThrownBy(() -> ProfileParser.parse("x.profile", "profile | X\nmanufacturer | DFS\nerror | 4 | 1 | A | no | a | b\n"))
                .hasMessage("x.profile, line 3: digit must be 0..3 and bit one of 1, 2, 4, 8");
        assertThatThrownBy(() -> ProfileParser.parse("x.profile", "profile | X\n"))
                .hasMessageContaining("needs 'profile' and 'manufacturer'");
        assertThatThrownBy(() -> ProfileParser.parse("x.profile", "profil | X\n"))
                .hasMessageContaining("unknown statement 'profil'");
    }
}
