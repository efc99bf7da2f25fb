package org.openamr.acquisition.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.map.RegisterMaps;

class ReadPlanTest {

    private static final FunctionCode HOLDING = FunctionCode.READ_HOLDING_REGISTERS;
    private static final FunctionCode INPUT = FunctionCode.READ_INPUT_REGISTERS;

    @Test
    void theDanfossMapTakesTwoRequestsWithItsSmallGapsBridged() {
        RegisterMap danfoss = RegisterMaps.builtIn().all().get(0);
        assertThat(ReadPlan.bridged(danfoss)).containsExactly(
                new ReadPlan.Request(HOLDING, 8, 96, true),
                new ReadPlan.Request(HOLDING, 152, 13, true));
        // without bridging every value is a request of its own, except the error code next to pulse input 2
        assertThat(ReadPlan.plan(danfoss, 0)).hasSize(13);
        assertThat(ReadPlan.exactWithin(danfoss, new ReadPlan.Request(HOLDING, 152, 13, true))).containsExactly(
                new ReadPlan.Request(HOLDING, 152, 2, false), new ReadPlan.Request(HOLDING, 162, 3, false));
    }

    @Test
    void functionsAreNeverMixedExponentRegistersAreReadAndLimitsHold() {
        RegisterMap map = map(
                "value | a | 03 | 0   | uint32 | big | @10 | energy | kWh | current",
                "value | b | 04 | 0   | uint16 | -   | 0   | volume | m3  | current",
                "value | c | 03 | 20  | uint16 | -   | @10 | energy | kWh | current | 1 | 0",
                "value | d | 03 | 140 | uint16 | -   | 0   | volume | m3  | current",
                "value | e | 01 | 0   | bit    | -   | 0   | digitalInput | - | current",
                "value | f | 01 | 1999 | bit   | -   | 0   | digitalInput | - | current | 0 | 1",
                "value | g | 01 | 2000 | bit   | -   | 0   | digitalInput | - | current | 0 | 2");
        List<ReadPlan.Request> plan = ReadPlan.bridged(map);
        assertThat(plan).containsExactly(
                new ReadPlan.Request(FunctionCode.READ_COILS, 0, 1, false),
                new ReadPlan.Request(FunctionCode.READ_COILS, 1999, 2, false),
                new ReadPlan.Request(HOLDING, 0, 21, true),
                new ReadPlan.Request(HOLDING, 140, 1, false),
                new ReadPlan.Request(INPUT, 0, 1, false));
    }

    @Test
    void aRequestNeverExceeds125Registers() {
        String[] values = new String[14];
        for (int i = 0; i < values.length; i++) {
            values[i] = "value | v" + i + " | 03 | " + 10 * i + " | uint16 | - | 0 | energy | kWh | current | " + i + " | 0";
        }
        assertThat(ReadPlan.bridged(map(values))).containsExactly(new ReadPlan.Request(HOLDING, 0, 121, true),
                new ReadPlan.Request(HOLDING, 130, 1, false));
    }

    private static RegisterMap map(String... values) {
        return RegisterMapParser.parse("test.map", "map | t\nmodels | T\n" + String.join("\n", values));
    }
}
