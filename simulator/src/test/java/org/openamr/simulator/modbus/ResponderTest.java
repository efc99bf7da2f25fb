package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.FunctionCode;

class ResponderTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final RegisterImage image = RegisterImage.builder()
            .put(FunctionCode.READ_HOLDING_REGISTERS, 10, 0x1234, 0xABCD)
            .put(FunctionCode.READ_HOLDING_REGISTERS, 14, 0x0001)
            .put(FunctionCode.READ_DISCRETE_INPUTS, 3, 1, 0, 1, 1, 0, 0, 0, 0, 1)
            .build();

    private String answer(String requestPdu) {
        return HEX.formatHex(PduCodec.response(Responder.respond(image, PduCodec.request(HEX.parseHex(requestPdu)))));
    }

    @Test
    void readsRegistersAcrossTheGapsBetweenValuesAndTheOtherRegisterFunctionAlike() {
        // 03, address 10, 5 registers: byte count 10, then the words high byte first, 0 in the gap.
        assertThat(answer("03000A0005")).isEqualTo("030A" + "1234ABCD" + "00000000" + "0001");
        assertThat(answer("04000B0001")).isEqualTo("0402ABCD");
    }

    @Test
    void packsBitsFirstIntoTheLeastSignificantBit() {
        // Inputs 3..11 are 1 0 1 1 0 0 0 0 | 1: 0b00001101, then 0b00000001.
        assertThat(answer("0200030009")).isEqualTo("02020D01");
        assertThat(answer("0200050001")).isEqualTo("020101");
    }

    @Test
    void refusesInTheOrderOfTheSpecification() {
        assertThat(answer("0100030001")).as("no coils at all").isEqualTo("8101");
        assertThat(answer("0600010002")).as("a write").isEqualTo("8601");
        assertThat(answer("2B0E0100")).as("device identification").isEqualTo("AB01");
        assertThat(answer("03000A007E")).as("126 registers").isEqualTo("8303");
        assertThat(answer("03000A0000")).as("no registers").isEqualTo("8303");
        assertThat(answer("02000307D1")).as("2001 bits").isEqualTo("8203");
        assertThat(answer("03000A00")).as("a short PDU").isEqualTo("8303");
        assertThat(answer("0300090002")).as("starts before the served range").isEqualTo("8302");
        assertThat(answer("03000E0002")).as("runs past it").isEqualTo("8302");
        assertThat(answer("03FFFF007D")).as("runs past 65535").isEqualTo("8302");
        assertThat(answer("03000E0001")).isEqualTo("03020001");
    }
}
