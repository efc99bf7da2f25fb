package org.openamr.modbus.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;

class RegisterMapsTest {

    private static final String DANFOSS = "Danfoss SonoMeter Modbus RTU module";

    @Test
    void theDanfossMapLoadsMarkedUnverifiedWithItsSources() {
        RegisterMap map = RegisterMaps.builtIn().byName(DANFOSS).orElseThrow();
        assertThat(map.isUnverified()).isTrue();
        assertThat(map.sources()).anyMatch(s -> s.contains("BC262356385429"));
        assertThat(RegisterMaps.builtIn().forModel("SonoSafe 10")).contains(map);
        assertThat(RegisterMaps.builtIn().forModel("Multical 603")).isEmpty();
        ValueDefinition energy = map.value("heatEnergy").orElseThrow();
        assertThat(energy.quantity()).isEqualTo(Quantity.ENERGY);
        assertThat(energy.unit()).isEqualTo(Unit.KWH);
        // The pulse inputs are the subunits the M-Bus side gives them, so both routes key them alike.
        assertThat(map.value("pulseInput2Volume").orElseThrow().subunit()).isEqualTo(2);
    }

    @Test
    void theDanfossMapDecodesAReadOfItsRegisters() throws Exception {
        RegisterMap map = RegisterMaps.builtIn().byName(DANFOSS).orElseThrow();
        int[] words = new int[165];
        words[8] = 0x46BB; // 24007.0f = 0x46BB8E00
        words[9] = 0x8E00;
        words[164] = 0x0410;
        List<ModbusValue> values = RegisterDecoder.decodeAll(map,
                List.of(new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 0, words)));
        assertThat(values).filteredOn(v -> v.name().equals("heatEnergy")).singleElement()
                .extracting(ModbusValue::value).isEqualTo(new BigDecimal("24007.0"));
        assertThat(values).filteredOn(v -> v.name().equals("errorCode")).singleElement()
                .extracting(ModbusValue::value).isEqualTo(BigDecimal.valueOf(0x0410));
        assertThat(values).hasSize(map.values().size());
    }

    @Test
    void aUsersMapOfTheSameNameReplacesTheBuiltInOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("danfoss.map"), """
                map    | Danfoss SonoMeter Modbus RTU module
                models | SonoSafe 10
                source | checked on our meter 1234, 2026-12
                value  | heatEnergy | 04 | 0 | uint32 | little | 0 | energy | kWh | current
                """);
        Files.writeString(dir.resolve("kamstrup.map"), """
                map    | Kamstrup test
                models | Multical 603
                value  | heatEnergy | 03 | 0 | uint32 | big | 0 | energy | kWh | current
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a map");
        RegisterMaps maps = RegisterMaps.builtIn().withDirectory(dir);
        assertThat(maps.all()).extracting(RegisterMap::name).containsExactly(DANFOSS, "Kamstrup test");
        RegisterMap danfoss = maps.forModel("SonoSafe 10").orElseThrow();
        assertThat(danfoss.isUnverified()).isFalse();
        assertThat(danfoss.source()).endsWith("danfoss.map");
        assertThat(maps.forModel("SonoMeter 30")).as("the replaced map's other models go with it").isEmpty();
        assertThat(maps.forModel("Multical 603")).map(RegisterMap::name).contains("Kamstrup test");
        assertThat(maps.named("KAMSTRUP")).as("by file name, any case").map(RegisterMap::name)
                .contains("Kamstrup test");
        assertThat(maps.named(" danfoss sonometer modbus rtu module ")).as("by its map line's name")
                .map(RegisterMap::source).hasValueSatisfying(s -> assertThat(s).endsWith("danfoss.map"));
        assertThat(maps.named("danfoss-sonometer")).as("the replaced built-in file is gone with its map").isEmpty();
        assertThat(maps.describe()).isEqualTo("danfoss (" + DANFOSS + "), kamstrup (Kamstrup test)");
    }

    @Test
    void twoUserMapsOfOneNameAreRefused(@TempDir Path dir) throws Exception {
        String map = """
                map    | Mine
                models | X
                value  | e | 03 | 0 | uint16 | - | 0 | energy | kWh | current
                """;
        Files.writeString(dir.resolve("a.map"), map);
        Files.writeString(dir.resolve("b.map"), map);
        assertThatThrownBy(() -> RegisterMaps.builtIn().withDirectory(dir))
                .isInstanceOf(DuplicateMapException.class)
                .hasMessageContaining("'Mine' is defined twice")
                .hasMessageContaining("a.map").hasMessageContaining("b.map");
    }

    @Test
    void aBadUserMapNamesItsFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.map"), "map | B\nmodels | X\nvalue | e | 03 | 0 | int16 | - | 0 | energy | | current\n");
        assertThatThrownBy(() -> RegisterMaps.builtIn().withDirectory(dir))
                .isInstanceOf(RegisterMapFormatException.class)
                .hasMessageContaining("broken.map, line 3: missing unit");
    }
}
