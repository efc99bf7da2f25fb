package org.openamr.acquisition.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReceiverAddressTest {

    @Test
    void everyFormAndItsName() {
        assertThat(ReceiverAddress.parse("rtl-wmbus:stdin").kind()).isEqualTo(ReceiverAddress.Kind.RTL_WMBUS_STDIN);
        ReceiverAddress tcp = ReceiverAddress.parse("rtl-wmbus:tcp:pi.local:7000");
        assertThat(tcp.target()).isEqualTo("pi.local");
        assertThat(tcp.port()).isEqualTo(7000);
        assertThat(ReceiverAddress.parse("rtl-wmbus:tcp:[::1]:7000").target()).isEqualTo("::1");
        assertThat(ReceiverAddress.parse("im871a:/dev/ttyUSB0").toString()).isEqualTo("im871a:/dev/ttyUSB0");
        assertThat(ReceiverAddress.parse(" amb8465:COM3 ").target()).isEqualTo("COM3");
        assertThat(ReceiverAddress.parse("replay:a b.txt").target()).isEqualTo("a b.txt");
        assertThat(ReceiverAddress.parse("im871a:/dev/ttyUSB0").setsMode()).isTrue();
        assertThat(ReceiverAddress.parse("replay:x").setsMode()).isFalse();
    }

    @Test
    void eachMistakeIsNamed() {
        assertThatThrownBy(() -> ReceiverAddress.parse(" ")).hasMessage("receiver address is empty: expected "
                + "rtl-wmbus:stdin, rtl-wmbus:tcp:host:port, im871a:/dev/ttyUSB0, amb8465:/dev/ttyUSB0 or replay:file.txt");
        assertThatThrownBy(() -> ReceiverAddress.parse("/dev/ttyUSB0")).hasMessageStartingWith(
                "receiver address '/dev/ttyUSB0': unknown receiver '/dev/ttyUSB0'; expected rtl-wmbus:stdin");
        assertThatThrownBy(() -> ReceiverAddress.parse("rtl-wmbus:tcp:host")).hasMessage(
                "receiver address 'rtl-wmbus:tcp:host' has no port: expected rtl-wmbus:tcp:host:port");
        assertThatThrownBy(() -> ReceiverAddress.parse("rtl-wmbus:tcp:host:70000")).hasMessage(
                "receiver address 'rtl-wmbus:tcp:host:70000': port '70000' is not 1–65535");
        assertThatThrownBy(() -> ReceiverAddress.parse("rtl-wmbus:udp:host:7")).hasMessage(
                "receiver address 'rtl-wmbus:udp:host:7': expected rtl-wmbus:stdin or rtl-wmbus:tcp:host:port");
        assertThatThrownBy(() -> ReceiverAddress.parse("im871a:")).hasMessage(
                "receiver address 'im871a:' has no serial port: expected e.g. im871a:/dev/ttyUSB0");
        assertThatThrownBy(() -> ReceiverAddress.parse("replay:")).hasMessage(
                "receiver address 'replay:' has no file: expected replay:file.txt");
    }
}
