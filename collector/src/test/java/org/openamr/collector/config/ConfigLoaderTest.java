package org.openamr.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.config.CollectorSettings.RadioInput;
import org.openamr.collector.config.CollectorSettings.WiredInput;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.collector.output.file.FileOutput;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(OutputTypes.builtIn());

    static final String GOOD = """
            collector:
              id: lenina-12
              store:
                path: store/collector.db
                maxSize: 500MB
                maxAge: 90d
              web:
                port: 8091
                password: secret-pw-1
            inputs:
              - name: basement-bus
                type: mbus
                address: /dev/ttyUSB0?baud=9600
                addresses: [1, 2, 3]
                schedule: "0 * * * *"
              - name: radio
                type: radio
                receiver: rtl-wmbus:tcp:127.0.0.1:9001
                mode: T
                meters: all
            outputs:
              - name: archive
                type: file
                meters: {manufacturers: [DFS, dme]}
                backup: spare
                failuresBeforeBackup: 2
                retry: {initial: 5s, max: 10m}
                settings:
                  dir: /var/lib/openamr/archive
              - name: spare
                type: file
                meters: none
                settings: {dir: /mnt/usb}
            """;

    @Test
    void aGoodFileBecomesSettings() throws Exception {
        CollectorSettings s = loader.parse(GOOD, dir);
        assertThat(s.id()).isEqualTo("lenina-12");
        assertThat(s.store().path()).isEqualTo(dir.resolve("store/collector.db"));
        assertThat(s.store().maxBytes()).isEqualTo(500L << 20);
        assertThat(s.store().maxAge()).contains(Duration.ofDays(90));
        assertThat(s.web()).hasValueSatisfying(w -> {
            assertThat(w.bind()).isEqualTo("127.0.0.1");
            assertThat(w.port()).isEqualTo(8091);
            assertThat(w.user()).isEqualTo("admin");
            assertThat(w.password()).isEqualTo("secret-pw-1");
            assertThat(w.toString()).doesNotContain("secret");
        });
        WiredInput bus = (WiredInput) s.inputs().get(0);
        assertThat(bus.connection().baud()).isEqualTo(9600);
        assertThat(bus.connection().address().text()).isEqualTo("/dev/ttyUSB0");
        assertThat(bus.primaries()).containsExactly(1, 2, 3);
        RadioInput radio = (RadioInput) s.inputs().get(1);
        assertThat(radio.mode()).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("T1"));
        assertThat(s.outputs().get(0).backup()).contains("spare");
        assertThat(s.outputs().get(0).failuresBeforeBackup()).isEqualTo(2);
        assertThat(s.outputs().get(0).meters().values()).containsExactlyInAnyOrder("DFS", "DME");
        assertThat(s.outputs().get(0).settings()).isEqualTo(new FileOutput.Settings("/var/lib/openamr/archive"));
        assertThat(s.outputs().get(1).meters()).isEqualTo(MeterFilter.NONE);
        assertThat(s.store().maxBytes()).isNotEqualTo(CollectorSettings.DEFAULT_MAX_SIZE);
    }

    @Test
    void theStoreCapDefaultsToTwoGigabytes() throws Exception {
        CollectorSettings s = loader.parse("collector: {id: a, store: {path: x.db}}\n", dir);
        assertThat(s.store().maxBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(s.web()).as("no web: section, no page").isEmpty();
    }

    @Test
    void webMistakesAreNamedWithTheirLineAndNeverRepeatThePassword() {
        List<ConfigProblem> p = problems(GOOD.replace("port: 8091", "port: 70000").replace("password: secret-pw-1", "password: short"));
        assertThat(p).extracting(ConfigProblem::line).containsExactlyInAnyOrder(8, 9);
        assertThat(p).anySatisfy(x -> assertThat(x.english()).contains("web.port 70000"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.english()).contains("web.password must be at least 8 characters");
            assertThat(x.russian()).contains("не короче 8 символов");
        });
        assertThat(p).allSatisfy(x -> assertThat(x.english() + x.russian()).doesNotContain("short"));
        List<ConfigProblem> missing = problems(GOOD.replace("    password: secret-pw-1\n", "    bind: 'a b'\n"));
        assertThat(missing).anySatisfy(x -> assertThat(x.english()).contains("web.password is missing"));
        assertThat(missing).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(9);
            assertThat(x.english()).contains("web.bind 'a b' is not an address");
        });
        assertThat(problems(GOOD.replace("    port: 8091\n", "")))
                .singleElement().satisfies(x -> assertThat(x.english()).contains("web.port is missing"));
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        String yaml = GOOD.replace("    maxAge: 90d\n", "    maxAge: 90d\n    maxFiles: 3\n");
        List<ConfigProblem> p = problems(yaml);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(7);
        assertThat(p.get(0).english()).contains("unknown key 'maxFiles'").contains("maxAge");
        assertThat(p.get(0).russian()).contains("неизвестный ключ 'maxFiles'");
    }

    @Test
    void aWrongTypeIsNamedWithItsLine() {
        List<ConfigProblem> p = problems(GOOD.replace("failuresBeforeBackup: 2", "failuresBeforeBackup: many"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(26);
        assertThat(p.get(0).english()).contains("failuresBeforeBackup").contains("a number");
    }

    @Test
    void everySemanticMistakeIsNamedAtOnceWithItsLineAndColumn() {
        String yaml = GOOD.replace("\"0 * * * *\"", "\"0 25 * * *\"")
                .replace("/dev/ttyUSB0?baud=9600", "tcp://gateway")
                .replace("backup: spare", "backup: spear")
                .replace("mode: T", "mode: X");
        List<ConfigProblem> p = problems(yaml);
        assertThat(p).extracting(ConfigProblem::line).containsExactlyInAnyOrder(13, 15, 19, 25);
        assertThat(p).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(15);
            assertThat(x.column()).isEqualTo(15);
            assertThat(x.english()).contains("hour").contains("25");
        });
        assertThat(p).anySatisfy(x -> assertThat(x.english()).contains("tcp://gateway").contains("no port"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.english()).contains("backup 'spear' names no output");
            assertThat(x.russian()).contains("резерв 'spear'");
        });
        assertThat(p).anySatisfy(x -> assertThat(x.english()).contains("mode 'X'"));
    }

    @Test
    void typeSettingsAreCheckedByTheirRecord() {
        List<ConfigProblem> p = problems(GOOD.replace("settings: {dir: /mnt/usb}", "settings: {folder: /mnt/usb}"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(33);
            assertThat(x.english()).contains("unknown setting 'folder'");
        });
        List<ConfigProblem> missing = problems(GOOD.replace("settings: {dir: /mnt/usb}", "settings: {}"));
        assertThat(missing).singleElement().satisfies(x -> assertThat(x.english()).contains("'dir'"));
        List<ConfigProblem> type = problems(GOOD.replace("type: file\n    meters: none", "type: pigeon\n    meters: none"));
        assertThat(type).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(31);
            assertThat(x.english()).contains("type 'pigeon' is not one of [file, server, solvimus, ftp, sftp, mail, mqtt]");
        });
    }

    @Test
    void aSyntaxErrorIsLocated() {
        List<ConfigProblem> p = problems("collector:\n  id: [unclosed\n  store: x\n");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isGreaterThan(1);
            assertThat(x.english()).startsWith("YAML");
        });
    }

    @Test
    void aKeyWrittenTwiceAnEmptyFileAndAMissingSectionAreNamed() {
        List<ConfigProblem> twice = problems("collector:\n  id: a\n  id: b\n  store: {path: x.db}\n");
        assertThat(twice).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.english()).isEqualTo("the key 'id' is written twice");
            assertThat(x.russian()).isEqualTo("ключ 'id' указан дважды");
        });
        assertThat(problems("")).singleElement().satisfies(x -> assertThat(x.english()).isEqualTo("the file is empty"));
        assertThat(problems("inputs: []\n")).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(1);
            assertThat(x.english()).contains("'collector:'");
            assertThat(x.russian()).contains("нет раздела 'collector:'");
        });
    }

    @Test
    void aWiredInputWithoutMeterOrScheduleIsRefused() {
        String yaml = "collector: {id: a, store: {path: x.db}}\ninputs:\n  - name: bus\n    type: mbus\n    address: tcp://h:10001\n";
        List<ConfigProblem> p = problems(yaml);
        assertThat(p).hasSize(2);
        assertThat(p).allSatisfy(x -> assertThat(x.line()).isEqualTo(3));
    }

    @Test
    void readsAFileAndResolvesPathsAgainstItsFolder() throws Exception {
        Path file = dir.resolve("collector.yaml");
        Files.writeString(file, "collector: {id: a, store: {path: data/x.db}}\n");
        assertThat(loader.load(file).store().path()).isEqualTo(dir.resolve("data/x.db"));
    }

    @Test
    void theReadmeExampleIsValidButForItsKeysFileThatIsNotOnThisMachine() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        assertThat(problems(yaml)).singleElement().satisfies(p -> assertThat(p.english())
                .isEqualTo("keys file /etc/openamr/keys.txt cannot be read"));
        Path keys = Files.writeString(dir.resolve("keys.txt"), "");
        CollectorSettings s = loader.parse(yaml.replace("/etc/openamr/keys.txt", keys.toString()), dir);
        assertThat(s.inputs()).hasSize(2);
        assertThat(s.outputs()).extracting(CollectorSettings.OutputSettings::name).containsExactly("archive", "usb");
        assertThat(((WiredInput) s.inputs().get(0)).secondaries()).hasSize(2);
        assertThat(s.web()).hasValueSatisfying(w -> {
            assertThat(w.port()).isEqualTo(8090);
            assertThat(w.user()).isEqualTo("admin");
        });
    }

    private List<ConfigProblem> problems(String yaml) {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> loader.parse(yaml, dir));
        assertThat(e).as("a problem was expected").isNotNull();
        return e.problems();
    }
}
