package org.openamr.collector.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.collector.output.TestBatches;
import org.openamr.collector.output.mqtt.MqttMessages.Discovery;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

class MqttMessagesTest {

    private static final MeterIdentity HEAT = new MeterIdentity("1", Optional.empty(), Optional.empty(), Optional.of(4));
    private static final MeterIdentity GAS = new MeterIdentity("2", Optional.empty(), Optional.empty(), Optional.of(3));

    @Test
    void energyUnitsBecomeOnesHomeAssistantAcceptsExactly() {
        assertThat(MqttMessages.convert(HEAT, Quantity.ENERGY, Unit.GCAL, new BigDecimal("1.234567")).orElseThrow())
                .satisfies(v -> {
                    assertThat(v.unit()).isEqualTo("kWh");
                    assertThat(v.value().toPlainString()).isEqualTo("1435.801421");
                });
        assertThat(MqttMessages.convert(HEAT, Quantity.ENERGY, Unit.KJ, new BigDecimal("1234567")).orElseThrow())
                .satisfies(v -> {
                    assertThat(v.unit()).isEqualTo("MJ");
                    assertThat(v.value().toPlainString()).isEqualTo("1234.567");
                });
        assertThat(MqttMessages.convert(HEAT, Quantity.ENERGY, Unit.KWH, new BigDecimal("5.50")).orElseThrow().value())
                .isEqualTo(new BigDecimal("5.50"));
        assertThat(MqttMessages.convert(HEAT, Quantity.ENERGY, Unit.KVARH, BigDecimal.ONE)).isEmpty();
    }

    @Test
    void volumeIsWaterExceptForGasMeters() {
        assertThat(MqttMessages.convert(HEAT, Quantity.VOLUME, Unit.M3, BigDecimal.ONE).orElseThrow().deviceClass())
                .isEqualTo("water");
        assertThat(MqttMessages.convert(GAS, Quantity.VOLUME, Unit.M3, BigDecimal.ONE).orElseThrow())
                .satisfies(v -> {
                    assertThat(v.deviceClass()).isEqualTo("gas");
                    assertThat(v.unit()).isEqualTo("m³");
                });
    }

    @Test
    void theStateMessageCarriesEveryValueExactlyAndTheAnnouncedOnesInHomeAssistantsUnits() {
        var readout = TestBatches.heatAndWater(1).readouts().get(0);
        String json = new String(MqttMessages.state("lenina-12", readout), StandardCharsets.UTF_8);
        assertThat(json).contains("\"value\":123456789.000123").contains("\"value\":70.10")
                .contains("\"value\":0.0000001").doesNotContain("E-7")
                .contains("\"state\":{\"energy\":1435.801421,\"volume\":123456789.000123}")
                .contains("\"label\":\"Battery low; replace\"");
    }

    @Test
    void discoveryOnlyForCurrentEnergyAndVolume() {
        var readout = TestBatches.heatAndWater(1).readouts().get(0);
        List<Discovery> configs = MqttMessages.discovery("homeassistant", "openamr", "lenina-12", readout);
        assertThat(configs).extracting(Discovery::topic).containsExactly(
                "homeassistant/sensor/lenina-12_12345678_energy/config",
                "homeassistant/sensor/lenina-12_12345678_volume/config");
    }

    @Test
    void topicLevelsLoseWildcardsAndSlashes() {
        assertThat(MqttMessages.topicPart("a/b+c#d e")).isEqualTo("a_b_c_d_e");
    }
}
