package org.openamr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An option that takes one of a few words refuses any other before the command starts: exit code 2 and one line
 * naming the option and the words it takes, not the usage help.
 */
class ChoicesTest {

    @Test
    void aWrongWordIsOneLineNamingTheOptionAndItsWords() {
        assertOneLine(CliRun.of("simulate", "--ids", "sequential", "--tcp", "0"),
                "openamr simulate: --ids is random or consecutive, got 'sequential'");
        assertOneLine(CliRun.of("simulate", "radio", "--security", "6", "--out", "never-written.txt"),
                "openamr simulate radio: --security: security is 5, 7 or mixed, got '6'");
        assertOneLine(CliRun.of("simulate", "radio", "--format", "csv", "--tcp", "0"),
                "openamr simulate radio: --format: the line format is replay or rtl-wmbus, got 'csv'");
        assertOneLine(CliRun.of("listen", "replay:none.txt", "--mode", "t2"),
                "openamr listen: --mode: link mode 't2' is not one of s1, t1, c1");
        assertOneLine(CliRun.of("decode", "--lang", "de", "68"),
                "openamr decode: --lang: expected one of [EN, RU] (case-insensitive) but was 'de'");
    }

    @Test
    void anyCaseOfARightWordIsTaken() {
        CliRun r = CliRun.of("simulate", "radio", "--security", "MIXED", "--format", "Replay");
        // the words are taken; what stops it is that it has nothing to write
        assertOneLine(r, "openamr simulate radio: nothing to write or serve: give --out FILE (with --keys-out FILE"
                + " and --truth-out FILE) for a simulated period, or --tcp PORT for a live radio");
    }

    private static void assertOneLine(CliRun r, String line) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(line);
    }
}
