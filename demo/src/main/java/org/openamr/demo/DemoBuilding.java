package org.openamr.demo;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.link.Address;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;

/**
 * The demo building: apartments numbered through the entrances, four to a floor, each with a
 * Danfoss SonoSafe 10 whose pulse inputs count the apartment's cold (subunit 1) and hot (subunit 2)
 * water meters; a Sonometer 1100 house heat meter and a Zenner house cold-water meter that see the
 * apartments' sum plus the building's losses, the heat meter with a few hours of no flow every month. Meter ids
 * and primary addresses are fixed, so that a restarted demo's virtual bus answers as the meters already in the
 * registry.
 */
public final class DemoBuilding {

    public static final String ADDRESS = "г. Москва, ул. Демонстрационная, д. 1";
    public static final ZoneId ZONE = ConsumptionModel.MOSCOW;
    public static final int BAUD = 38400;
    /** Primary addresses 1..250, two of them for the house meters. */
    static final int MAX_APARTMENTS = Address.MAX_PRIMARY - 2;
    static final MeterType APARTMENT_METER = MeterType.SONOSAFE_10;
    static final MeterType HOUSE_HEAT_METER = MeterType.SONOMETER_1100;
    static final MeterType HOUSE_WATER_METER = MeterType.COLD_WATER;
    private static final int APARTMENTS_PER_FLOOR = 4;
    private static final int FIRST_APARTMENT_SERIAL = 68_410_000;

    /** One apartment and its heat meter. */
    public record Apartment(int entrance, int number, int floor, String meterId, int primaryAddress) {
    }

    /** A meter of the building's own (house) metering points. */
    public record HouseMeter(MeterType type, String meterId, int primaryAddress) {
    }

    private final long seed;
    private final int entrances;
    private final List<Apartment> apartments = new ArrayList<>();
    private final HouseMeter houseHeat;
    private final HouseMeter houseWater;

    public DemoBuilding(DemoProperties properties) {
        this.seed = properties.seed();
        this.entrances = properties.entrances();
        int number = 0;
        for (int e = 1; e <= properties.entrances(); e++) {
            for (int i = 0; i < properties.apartmentsPerEntrance(); i++) {
                number++;
                apartments.add(new Apartment(e, number, i / APARTMENTS_PER_FLOOR + 1,
                        Integer.toString(FIRST_APARTMENT_SERIAL + number), number));
            }
        }
        this.houseHeat = new HouseMeter(HOUSE_HEAT_METER, "71230001", number + 1);
        this.houseWater = new HouseMeter(HOUSE_WATER_METER, "45120001", number + 2);
    }

    public long seed() {
        return seed;
    }

    public int entrances() {
        return entrances;
    }

    public List<Apartment> apartments() {
        return List.copyOf(apartments);
    }

    public HouseMeter houseHeat() {
        return houseHeat;
    }

    public HouseMeter houseWater() {
        return houseWater;
    }

    /** Every meter on the bus: the apartments' and the two house meters. */
    public int meterCount() {
        return apartments.size() + 2;
    }

    /**
     * The virtual bus of the building: meters answer at {@link #BAUD}, read by {@code clock}; the house heat meter
     * has its monthly episode of no flow ({@link HouseHeatIncidents}) up to a year after the clock's month.
     */
    public VirtualBus bus(Clock clock) {
        VirtualBus.Builder b = VirtualBus.builder().seed(seed).zone(ZONE).baud(BAUD).clock(clock);
        List<String> ids = new ArrayList<>();
        for (Apartment a : apartments) {
            b.meter(APARTMENT_METER, a.meterId(), a.primaryAddress());
            ids.add(a.meterId());
        }
        VirtualBus bus = b.houseMeter(houseHeat.type(), houseHeat.meterId(), houseHeat.primaryAddress(), ids)
                .houseMeter(houseWater.type(), houseWater.meterId(), houseWater.primaryAddress(), ids)
                .build();
        VirtualMeter heat = bus.meters().stream().filter(m -> m.id().equals(houseHeat.meterId())).findFirst()
                .orElseThrow();
        HouseHeatIncidents.schedule(heat, seed,
                YearMonth.now(clock.withZone(ZONE)).plusMonths(HouseHeatIncidents.MONTHS_AHEAD));
        return bus;
    }
}
