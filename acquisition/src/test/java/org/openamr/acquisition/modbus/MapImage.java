package org.openamr.acquisition.modbus;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.value.RegisterEncoder;

/** Registers that serve chosen values of a map, and the values a reader gets back from them. */
final class MapImage {

    static final RegisterMap DANFOSS = RegisterMaps.builtIn().all().stream()
            .filter(m -> m.source().equals("danfoss-sonometer.map")).findFirst().orElseThrow();

    /** A heat meter's day: every value of the Danfoss map with something to show. */
    static Map<String, BigDecimal> danfossValues() {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        String[] names = {"heatEnergy", "volume", "power", "volumeFlow", "flowTemperature", "returnTemperature",
                "temperatureDifference", "tariffEnergy1", "tariffVolume1", "tariffEnergy2", "tariffVolume2",
                "pulseInput1Volume", "pulseInput2Volume", "errorCode"};
        String[] numbers = {"12345.6", "987.654", "12.5", "0.437", "70.3", "40.1", "30.2", "0", "0", "1500.25",
                "20.5", "321.123", "45.6", "0"};
        for (int i = 0; i < names.length; i++) {
            v.put(names[i], new BigDecimal(numbers[i]));
        }
        return v;
    }

    private MapImage() {
    }

    /** {@code size} holding registers from address 0 carrying the values (fixed scales only). */
    static int[] registers(RegisterMap map, Map<String, BigDecimal> values, int size) {
        int[] regs = new int[size];
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            ValueDefinition def = map.value(e.getKey()).orElseThrow();
            int[] words = RegisterEncoder.encode(def, e.getValue());
            System.arraycopy(words, 0, regs, def.address(), words.length);
        }
        return regs;
    }

    /** What a reader decodes from {@link #registers}: the values themselves, but a float32's nearest float. */
    static Map<String, BigDecimal> served(RegisterMap map, Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            ValueDefinition def = map.value(e.getKey()).orElseThrow();
            out.put(e.getKey(), RegisterEncoder.served(def, e.getValue(), ((Scale.Fixed) def.scale()).exponent()));
        }
        return out;
    }
}
