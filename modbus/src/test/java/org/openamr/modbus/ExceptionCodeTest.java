package org.openamr.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExceptionCodeTest {

    @Test
    void everyAssignedCodeFrom01To0BHasItsNameInBothLanguages() {
        assertThat(Arrays.stream(ExceptionCode.values()).map(ExceptionCode::code))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 0x0A, 0x0B);
        for (ExceptionCode e : ExceptionCode.values()) {
            assertThat(e.nameEn()).isNotBlank();
            assertThat(e.meaningEn()).isNotBlank();
            assertThat(e.nameRu()).matches(".*[А-Яа-я].*");
            assertThat(e.meaningRu()).matches(".*[А-Яа-я].*");
        }
    }

    @Test
    void codesAreLookedUpAndUnassignedOnesAreNot() {
        assertThat(ExceptionCode.byCode(2)).contains(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(ExceptionCode.byCode(0x0B)).contains(ExceptionCode.GATEWAY_TARGET_FAILED_TO_RESPOND);
        assertThat(ExceptionCode.byCode(9)).isEmpty();
        assertThat(ExceptionCode.byCode(0x0C)).isEmpty();
        assertThat(ExceptionCode.byCode(0)).isEmpty();
        assertThat(ExceptionCode.ILLEGAL_DATA_ADDRESS.describe()).isEqualTo("02 Illegal data address");
    }

    @Test
    void functionCodesKnowWhetherTheyReadBits() {
        assertThat(FunctionCode.byCode(4)).contains(FunctionCode.READ_INPUT_REGISTERS);
        assertThat(FunctionCode.byCode(5)).isEmpty();
        assertThat(FunctionCode.READ_COILS.readsBits()).isTrue();
        assertThat(FunctionCode.READ_HOLDING_REGISTERS.readsBits()).isFalse();
        assertThat(FunctionCode.READ_HOLDING_REGISTERS.hex()).isEqualTo("03");
    }
}
