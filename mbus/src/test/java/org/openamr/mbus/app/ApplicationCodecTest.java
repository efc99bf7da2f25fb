package org.openamr.mbus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.mbus.TestBytes.hex;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.TestBytes;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.UnsupportedException;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.DataField;
import org.openamr.mbus.record.DataInformation;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.RecordEncoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.Value;

class ApplicationCodecTest {

    private static ApplicationMessage decode(byte[] frame) throws DecodeException {
        return TelegramCodec.decode(frame).message();
    }

    @Test
    void longHeaderFieldsAreRead() throws DecodeException {
        var r = (ApplicationMessage.VariableDataResponse) decode(
                TestBytes.longFrame(0x08, 1, 0x72, "68404941 D310 2F 04 CE 50 0000 0C06 07400200"));
        LongHeader h = (LongHeader) r.header();
        assertThat(h.id()).isEqualTo("41494068");
        assertThat(h.manufacturerLetters()).isEqualTo("DFS");
        assertThat(h.version()).isEqualTo(0x2F);
        assertThat(h.mediumType()).isEqualTo(Medium.HEAT);
        assertThat(h.accessNumber()).isEqualTo(206);
        assertThat(h.status().temporaryError()).isTrue();
        assertThat(h.status().manufacturerBits()).isEqualTo(2);
        assertThat(h.secondaryAddress().toString()).isEqualTo("41494068D3102F04");
        assertThat(r.data().records()).hasSize(1);
    }

    @Test
    void shortAndNoHeaderResponses() throws DecodeException {
        var s = (ApplicationMessage.VariableDataResponse) decode(TestBytes.longFrame(0x08, 1, 0x7A, "07 00 0000 0C13 01000000"));
        assertThat(s.header()).isEqualTo(new ShortHeader(7, new StatusByte(0), 0));
        var n = (ApplicationMessage.VariableDataResponse) decode(TestBytes.longFrame(0x08, 1, 0x78, "0C13 01000000"));
        assertThat(n.header()).isInstanceOf(NoHeader.class);
        assertThat(n.data().records().get(0).value()).isEqualTo(new Value.Numeric(new BigDecimal("0.001")));
    }

    @Test
    void msbFirstResponseReversesValueBytes() throws DecodeException {
        var r = (ApplicationMessage.VariableDataResponse) decode(
                TestBytes.longFrame(0x08, 1, 0x76, "15531111 0000 52 04 0A 10 0000 0C06 00000123"));
        assertThat(r.data().records().get(0).value().text()).isEqualTo("123");
    }

    @Test
    void fixedDataStructureBecomesOrdinaryRecords() throws DecodeException {
        var r = (ApplicationMessage.VariableDataResponse) decode(hex("68131368080173939291901000056931650000690000003F16"));
        assertThat(r.header()).isEqualTo(new FixedHeader("90919293", 16, new StatusByte(0), 4));
        DataRecord energy = r.data().records().get(0);
        assertThat(energy.quantity()).isEqualTo(Quantity.ENERGY);
        assertThat(energy.unit()).isEqualTo(Unit.KWH);
        assertThat(energy.value().text()).isEqualTo("6531");
        assertThat(r.data().records().get(1).value().text()).isEqualTo("0.069");
    }

    @Test
    void encryptedPayloadWithoutKeyIsUnsupportedNotGarbage() {
        byte[] frame = TestBytes.longFrame(0x08, 1, 0x72, "68404941 D310 2F 04 CE 00 0005 A1B2C3D4E5F60718");
        assertThatThrownBy(() -> decode(frame)).isInstanceOf(UnsupportedException.class)
                .hasMessageContaining("security mode 5");
    }

    @Test
    void decryptedPayloadStartsWithFillersAndDecodes() throws DecodeException {
        byte[] frame = TestBytes.longFrame(0x08, 1, 0x72, "68404941 D310 2F 04 CE 00 0005 2F2F 0C13 01000000");
        var r = (ApplicationMessage.VariableDataResponse) decode(frame);
        assertThat(r.data().fillers().get(0)).isEqualTo(2);
        assertThat(r.data().records()).hasSize(1);
    }

    @Test
    void unknownCiAndShortHeaders() {
        assertThatThrownBy(() -> decode(TestBytes.longFrame(0x08, 1, 0x99, "00"))).isInstanceOf(UnsupportedException.class)
                .hasMessageContaining("CI field 99").extracting(e -> ((DecodeException) e).offset()).isEqualTo(6);
        assertThatThrownBy(() -> decode(TestBytes.longFrame(0x08, 1, 0x72, "68404941 D310")))
                .isInstanceOf(TruncatedException.class).hasMessageContaining("12-byte header");
    }

    @Test
    void requestsRoundTrip() throws DecodeException {
        SecondaryAddress mask = SecondaryAddress.parse("4149FFFFD310FFFF");
        assertThat(decode(org.openamr.mbus.MasterRequests.selectSecondary(mask)))
                .isEqualTo(new ApplicationMessage.Selection(mask));
        assertThat(decode(org.openamr.mbus.MasterRequests.switchBaudRate(5, 9600)))
                .isEqualTo(new ApplicationMessage.BaudRateSwitch(9600));
        assertThat(decode(org.openamr.mbus.MasterRequests.applicationReset(5, -1)))
                .isEqualTo(new ApplicationMessage.ApplicationReset(-1));
        var send = (ApplicationMessage.DataSend) decode(org.openamr.mbus.MasterRequests.setPrimaryAddress(5, 17));
        assertThat(send.data().records().get(0).quantity()).isEqualTo(Quantity.BUS_ADDRESS);
        assertThat(send.data().records().get(0).value().text()).isEqualTo("17");
    }

    @Test
    void responseEncodesAndDecodesBack() throws DecodeException {
        DataRecord energy = RecordEncoder.record(DataInformation.of(DataField.BCD8, Function.INSTANTANEOUS, 0, 0, 0),
                List.of(0x06), null, new Value.Numeric(new BigDecimal("24007")));
        DataRecord due = RecordEncoder.record(DataInformation.of(DataField.INT16, Function.INSTANTANEOUS, 1, 0, 0),
                List.of(0x6C), null, new Value.Date(java.time.LocalDate.of(2025, 12, 31)));
        var message = new ApplicationMessage.VariableDataResponse(0x72,
                new LongHeader("12345678", ManufacturerCode.encode("DFS"), 0x2F, 4, 1, new StatusByte(0), 0),
                new RecordSet(List.of(energy, due), new byte[0], true));
        byte[] bytes = TelegramCodec.encode(0x08, 1, message);
        var back = (ApplicationMessage.VariableDataResponse) decode(bytes);
        assertThat(back.header()).isEqualTo(message.header());
        assertThat(back.data()).isEqualTo(message.data());
        assertThat(back.data().moreRecordsFollow()).isTrue();
    }
}
