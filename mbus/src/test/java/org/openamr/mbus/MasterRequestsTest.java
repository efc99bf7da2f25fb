package org.openamr.mbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.SecondaryAddress;

/** The bytes a master puts on the wire, checked against EN 13757-2 examples and hand-computed frames. */
class MasterRequestsTest {

    @Test
    void linkCommands() {
        assertThat(TestBytes.hex(MasterRequests.sndNke(5))).isEqualTo("1040054516");
        assertThat(TestBytes.hex(MasterRequests.reqUd2(5, false))).isEqualTo("105B056016");
        assertThat(TestBytes.hex(MasterRequests.reqUd2(5, true))).isEqualTo("107B058016");
        assertThat(TestBytes.hex(MasterRequests.reqUd1(254, false))).isEqualTo("105AFE5816");
        assertThat(TestBytes.hex(MasterRequests.deselect())).isEqualTo("1040FD3D16");
    }

    @Test
    void selectionWithWildcards() {
        byte[] b = MasterRequests.selectSecondary(SecondaryAddress.WILDCARD);
        // checksum: 53 + FD + 52 + 8 × FF = 0x99A, mod 256 = 9A
        assertThat(TestBytes.hex(b)).isEqualTo("680B0B6853FD52FFFFFFFFFFFFFFFF9A16");
        byte[] one = MasterRequests.selectSecondary(SecondaryAddress.parse("41494068D3102F04"));
        assertThat(TestBytes.hex(one)).startsWith("680B0B6853FD5268404941D3102F04");
    }

    @Test
    void applicationLayerRequests() {
        assertThat(TestBytes.hex(MasterRequests.applicationReset(1, -1))).isEqualTo("680303685301" + "50A416");
        assertThat(TestBytes.hex(MasterRequests.switchBaudRate(1, 2400))).isEqualTo("6803036853" + "01BB0F16");
        assertThat(TestBytes.hex(MasterRequests.setPrimaryAddress(0, 5))).isEqualTo("68060668530051017A052416");
        assertThatThrownBy(() -> MasterRequests.setPrimaryAddress(0, 251)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterRequests.switchBaudRate(1, 1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("300, 600");
    }

    @Test
    void secondaryAddressMasksMatchAsTheStandardSays() {
        SecondaryAddress meter = SecondaryAddress.parse("41494068D3102F04");
        assertThat(SecondaryAddress.WILDCARD.matches(meter)).isTrue();
        assertThat(SecondaryAddress.parse("4149FFFFFFFFFFFF").matches(meter)).isTrue();
        assertThat(SecondaryAddress.parse("4148FFFFFFFFFFFF").matches(meter)).isFalse();
        assertThat(SecondaryAddress.parse("FFFFFFFFD310FF04").matches(meter)).isTrue();
        assertThat(SecondaryAddress.parse("FFFFFFFFD310FF07").matches(meter)).isFalse();
        assertThat(meter.manufacturerLetters()).isEqualTo("DFS");
        assertThatThrownBy(() -> SecondaryAddress.parse("4149")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 hex digits");
    }
}
