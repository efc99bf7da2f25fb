package org.openamr.gateway.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;

class GatewayMapTest {

    @Test
    void theBuiltInMapIsTheLayoutOfSlotOneAsTheGatewayPrintsIt() {
        RegisterMap builtIn = RegisterMaps.builtIn().byName("OpenAMR gateway").orElseThrow();
        RegisterMap printed = RegisterMapParser.parse("printed", GatewayMap.text(1, ValueFormat.INT32, WordOrder.BIG));
        assertThat(builtIn.values()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .containsExactlyElementsOf(printed.values());
        assertThat(builtIn.models()).containsExactly("OpenAMR gateway");
        assertThat(builtIn.noValues()).isEqualTo(printed.noValues()).hasSize(2);
    }

    @Test
    void everySlotsMapParsesAndStaysInsideTheGatewayBlockAndItsOwnBlock() {
        for (ValueFormat format : ValueFormat.values()) {
            for (WordOrder order : WordOrder.values()) {
                for (int slot : new int[] {1, 2, 137, Layout.MAX_SLOTS}) {
                    RegisterMap map = RegisterMapParser.parse("slot " + slot,
                            GatewayMap.text(slot, format, order));
                    assertThat(map.name()).isEqualTo(GatewayMap.name(slot, format, order));
                    int start = Layout.blockStart(slot);
                    for (ValueDefinition d : map.values()) {
                        boolean gateway = d.lastAddress() < Layout.BLOCK;
                        boolean own = d.address() >= start && d.lastAddress() < start + Layout.BLOCK;
                        assertThat(gateway || own).as("%s of slot %d at %d", d.name(), slot, d.address()).isTrue();
                    }
                    assertThat(map.value("energy").orElseThrow().type()).isEqualTo(format.type());
                    assertThat(map.value("energy").orElseThrow().order()).isEqualTo(order);
                }
            }
        }
    }

    @Test
    void valueSlotsFollowTheFixedFieldsAndFitTheBlock() {
        List<ValueDefinition> fields = Layout.meterFields(1, WordOrder.BIG);
        int lastField = fields.stream().mapToInt(ValueDefinition::lastAddress).max().orElseThrow();
        assertThat(lastField).isLessThan(Layout.blockStart(1) + Layout.VALUES);
        ValueSlot lastSlot = ValueSlot.values()[ValueSlot.values().length - 1];
        assertThat(lastSlot.offset() + 1).isLessThan(Layout.BLOCK);
        assertThat(ValueSlot.values().length).as("one bit each in a 16-bit mask").isLessThanOrEqualTo(16);
        assertThat(Layout.BLOCK).isLessThanOrEqualTo(Layout.MAX_READ);
    }
}
