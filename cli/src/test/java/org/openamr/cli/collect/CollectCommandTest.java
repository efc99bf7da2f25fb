package org.openamr.cli.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;

class CollectCommandTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("collector.yaml"), yaml);
    }

    static final String GOOD = """
            collector:
              id: lenina-12
              store: {path: collector.db}
            inputs:
              - name: bus
                type: mbus
                address: tcp://127.0.0.1:10001
                addresses: [1, 2]
                schedule: "0 */6 * * *"
            outputs:
              - name: archive
                type: file
                settings: {dir: archive}
            """;

    @Test
    void aValidConfigurationIsSaidToBe() throws Exception {
        CliRun run = CliRun.of("collect", "--check", write(GOOD).toString(), "--lang", "en");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("the configuration is valid: collector lenina-12, 1 inputs, 1 outputs");
        assertThat(Files.exists(dir.resolve("collector.db"))).as("a check opens no store").isFalse();
    }

    @Test
    void eachMistakeIsPrintedWithItsLineAndColumnInEnglishOrRussian() throws Exception {
        Path file = write(GOOD.replace("\"0 */6 * * *\"", "\"0 */6 * *\"").replace("port: 10001", "port: 10001")
                .replace("tcp://127.0.0.1:10001", "tcp://127.0.0.1").replace("type: file", "type: file\n    backup: nowhere"));
        CliRun en = CliRun.of("collect", "--check", file.toString(), "--lang", "en");
        assertThat(en.exit()).isEqualTo(1);
        assertThat(en.err()).contains(file + ": line 7, column 14: input 'bus': channel address 'tcp://127.0.0.1' has no port")
                .contains(file + ": line 9, column 15: schedule: cron expression '0 */6 * *' has 4 fields")
                .contains("line 13, column 13: output 'archive': backup 'nowhere' names no output")
                .contains("3 mistake(s)")
                .doesNotContain("Exception").doesNotContain("\tat ");
        CliRun ru = CliRun.of("collect", "--check", file.toString(), "--lang", "ru");
        assertThat(ru.exit()).isEqualTo(1);
        assertThat(ru.err()).contains("строка 13, столбец 13: выход 'archive': резерв 'nowhere' — нет такого выхода")
                .contains("строка 9, столбец 15: расписание");
    }

    @Test
    void anUnknownKeyIsNamed() throws Exception {
        Path file = write(GOOD.replace("  store: {path: collector.db}", "  store: {path: collector.db}\n  stroe: {}"));
        CliRun run = CliRun.of("collect", "--check", file.toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 4, column 3: unknown key 'stroe'");
    }

    @Test
    void aMissingFileIsOneLine() {
        CliRun run = CliRun.of("collect", "--check", dir.resolve("none.yaml").toString(), "--lang", "en");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("openamr collect: no such file " + dir.resolve("none.yaml"));
    }

    @Test
    void configAndCheckExcludeEachOther() {
        CliRun run = CliRun.of("collect", "--check", "a.yaml", "--config", "b.yaml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
