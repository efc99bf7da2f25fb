package org.openamr.mbus.app;

/**
 * Device type (medium) codes of EN 13757-3 / OMS. {@link #jsonName()} is the name in JSON output.
 */
public enum Medium {
    OTHER(0x00, "other"), OIL(0x01, "oil"), ELECTRICITY(0x02, "electricity"), GAS(0x03, "gas"),
    HEAT(0x04, "heat"), STEAM(0x05, "steam"), WARM_WATER(0x06, "warmWater"), WATER(0x07, "water"),
    HEAT_COST_ALLOCATOR(0x08, "heatCostAllocator"), COMPRESSED_AIR(0x09, "compressedAir"),
    COOLING_OUTLET(0x0A, "coolingOutlet"), COOLING_INLET(0x0B, "coolingInlet"), HEAT_INLET(0x0C, "heatInlet"),
    HEAT_COOLING(0x0D, "heatCooling"), BUS_SYSTEM(0x0E, "busSystem"), UNKNOWN(0x0F, "unknown"),
    IRRIGATION_WATER(0x10, "irrigationWater"), WATER_DATA_LOGGER(0x11, "waterDataLogger"),
    GAS_DATA_LOGGER(0x12, "gasDataLogger"), GAS_CONVERTER(0x13, "gasConverter"),
    CALORIFIC_VALUE(0x14, "calorificValue"), HOT_WATER(0x15, "hotWater"), COLD_WATER(0x16, "coldWater"),
    DUAL_WATER(0x17, "dualWater"), PRESSURE(0x18, "pressure"), AD_CONVERTER(0x19, "adConverter"),
    SMOKE_DETECTOR(0x1A, "smokeDetector"), ROOM_SENSOR(0x1B, "roomSensor"), GAS_DETECTOR(0x1C, "gasDetector"),
    BREAKER(0x20, "breaker"), VALVE(0x21, "valve"), CUSTOMER_UNIT(0x25, "customerUnit"),
    WASTE_WATER(0x28, "wasteWater"), GARBAGE(0x29, "garbage"), SERVICE_UNIT(0x30, "serviceUnit"),
    COMMUNICATION_CONTROLLER(0x31, "communicationController"),
    UNIDIRECTIONAL_REPEATER(0x32, "unidirectionalRepeater"), BIDIRECTIONAL_REPEATER(0x33, "bidirectionalRepeater"),
    RADIO_CONVERTER_SYSTEM(0x36, "radioConverterSystemSide"), RADIO_CONVERTER_METER(0x37, "radioConverterMeterSide"),
    WIRED_ADAPTER(0x38, "wiredAdapter"), RESERVED(-1, "reserved");

    private final int code;
    private final String jsonName;

    Medium(int code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    public int code() {
        return code;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The medium of a device type byte; codes without a name are {@link #RESERVED}. */
    public static Medium of(int code) {
        for (Medium m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return RESERVED;
    }
}
