package org.openamr.wmbus.prios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.wmbus.Decoding.decode;
import static org.openamr.wmbus.Decoding.values;

import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.MissingKeyException;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.WrongKeyException;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.tpl.FormatLookup;
import org.openamr.wmbus.WirelessCodec;

/**
 * Danfoss Sonometer radio telegrams (Diehl real data, PRIOS-scrambled), as their owners posted them
 * in https://github.com/wmbusmeters/wmbusmeters/issues/1253 with the values their displays showed:
 * 24007 kWh / 9549.820 m³ and 316583 kWh / 5655.1493 m³.
 */
class PriosTest {

    static final String SONOMETER_1100 = "3944D3102F04684049417ACE502BD0DCC3F55D144EF906B1FB0B0948DBCE7AFACC254E924C07"
            + "184513993ED3BA50730516C23ADB186C747AF724";
    static final String SONOMETER_1000 = "3744D3102B04198923367ADF50293CBE9096999A0C57B93AE2E90AFEC18252F41DEC4AA0E578"
            + "E5C92D6CEDC5EAC92BD30F6998F614461AE3";

    @Test
    void sonometer1100WithThePublicDefaultKey() throws Exception {
        WirelessTelegram t = decode(SONOMETER_1100);
        assertThat(t.meter().id()).isEqualTo("41494068");
        assertThat(t.meter().manufacturerLetters()).isEqualTo("DFS");
        assertThat(t.meter().version()).isEqualTo(0x2F);
        assertThat(t.meter().deviceType()).isEqualTo(0x04);
        assertThat(t.accessNumber()).isEqualTo(206);
        assertThat(t.status().value()).isEqualTo(0x50);
        assertThat(t.decryptions()).containsExactly(new Decryption(Decryption.Method.DIEHL_PRIOS,
                Decryption.KeySource.DEFAULT, 43));
        assertThat(values(t)).startsWith("24007 kWh", "9549.820 m3");
        // A sleeping meter sends flow, power and temperatures as "value during error" filler records.
        assertThat(t.records().records()).filteredOn(r -> r.value() instanceof org.openamr.mbus.value.Value.Unavailable)
                .hasSize(4);
        assertThat(t.records().records()).filteredOn(r -> r.tariff() == 1)
                .singleElement().satisfies(r -> assertThat(org.openamr.wmbus.Decoding.value(r)).isEqualTo("0 kWh"));
    }

    @Test
    void sonometer1000SendsEnergyIn100WhAndVolumeIn100Ml() throws Exception {
        WirelessTelegram t = decode(SONOMETER_1000);
        assertThat(t.meter().id()).isEqualTo("36238919");
        assertThat(values(t)).startsWith("316583.0 kWh", "5655.1493 m3");
    }

    /**
     * A version 0x20 device of https://github.com/wmbusmeters/wmbusmeters/issues/936: flow, power and
     * temperatures while running, and due-date values in storage 1 and 5.
     */
    @Test
    void version20WithInstantaneousAndDueDateValues() throws Exception {
        WirelessTelegram t = decode("5B44D3102004963887537A52844D31F8EA5B9E7AEFB6DCE3A99099145F1541A70085CA4C52FA1C98"
                + "A9F7AE556B2B348C8EE7E2F11120E8B10A62F1960C1305C04771CE5042BEF19BB4E2CC2C56DB15C2C70A579ED2BFB43562"
                + "6A5F30");
        assertThat(t.meter().id()).isEqualTo("53873896");
        assertThat(t.status().value()).isEqualTo(0x84);
        assertThat(values(t)).contains("2006096 kWh", "94922.938 m3", "1.575 m3/h", "4.734 kW", "37.9 °C", "35.2 °C",
                "2.6 K", "2023-03-31");
        assertThat(t.records().records()).filteredOn(r -> r.storageNumber() == 5).extracting(
                org.openamr.wmbus.Decoding::value).contains("2003765 kWh", "94775.037 m3", "2023-03-31");
    }

    @Test
    void theLfsrAloneGivesPlainRecordsThatPassTheChecksum() {
        byte[] f = Hex.bytes(SONOMETER_1100);
        byte[] plain = Prios.descramble(f, Prios.fold(0x51728910E66D83F8L));
        assertThat(plain).isNotNull();
        assertThat(Hex.text(plain)).startsWith("0C06");
        assertThat(Prios.descramble(f, Prios.fold(0x39BC8A10E66D83F8L))).isNull();
    }

    @Test
    void aKeyGivenForTheMeterThatDoesNotFitIsAWrongKey() {
        assertThatThrownBy(() -> decode(SONOMETER_1100, "00112233445566770011223344556677"))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining("PRIOS");
    }

    @Test
    void theDefaultKeyOfTheSonometersGivenExplicitlyWorksToo() throws Exception {
        assertThat(values(decode(SONOMETER_1100, "51728910E66D83F8" + "0000000000000000"))).startsWith("24007 kWh");
    }

    @Test
    void aDamagedFrameGivesNoValuesButItsHeader() throws Exception {
        for (int i = 15; i < Hex.bytes(SONOMETER_1100).length; i++) {
            byte[] f = Hex.bytes(SONOMETER_1100);
            f[i] ^= 0x40;
            WirelessTelegram t = WirelessCodec.decode(f, KeyStore.publicDefaults(), FormatLookup.NONE);
            assertThat(t.records()).as("byte %d", i).isNull();
            assertThat(t.payload()).isInstanceOfSatisfying(Payload.Undecoded.class,
                    u -> assertThat(u.reason()).isInstanceOf(MissingKeyException.class));
            assertThat(t.accessNumber()).isEqualTo(206);
        }
    }
}
