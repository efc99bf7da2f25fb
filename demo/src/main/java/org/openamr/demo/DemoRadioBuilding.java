package org.openamr.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.radio.RadioMeter;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;

/**
 * The demo's second building, read by radio through the collector: the meters of the simulator's radio fleet
 * ({@code openamr simulate radio} with the demo's seed, security mode 5), placed into apartments as an installer
 * would register them:
 * <ul>
 * <li>each Danfoss SonoSafe 10 is an apartment's heat meter whose pulse inputs count its cold (subunit 1) and hot
 * (subunit 2) water, as in the wired building;</li>
 * <li>cold and hot water meters, taken in pairs (the n-th cold with the n-th hot), are the water meters of further
 * apartments;</li>
 * <li>the rest — the Sonometer 1100s and water meters without a pair — are heard but not registered: meters of the
 * neighbouring buildings, which the server lists under unassigned meters until someone assigns them.</li>
 * </ul>
 * The layout depends on the seed and the number of meters only, so a restarted demo places the same meters in the
 * same apartments; the radio's transmissions start when {@link #radio} is asked for it.
 */
public final class DemoRadioBuilding {

    public static final String ADDRESS = "г. Москва, ул. Демонстрационная, д. 3";
    private static final int APARTMENTS_PER_FLOOR = 4;
    /** Another model than the wired building's: its households are not the same. */
    private static final long SEED_SALT = 0x3AD10L;

    /** A point of an apartment: the meter's register that reads its resource. */
    public record Placement(RadioMeter meter, Resource resource, Register register, int subunit) {
    }

    public record Apartment(int number, int floor, List<Placement> placements) {
    }

    private final RadioSettings settings;
    private final List<RadioMeter> meters;
    private final List<Apartment> apartments = new ArrayList<>();
    private final List<RadioMeter> unassigned = new ArrayList<>();

    public DemoRadioBuilding(DemoProperties properties) {
        Duration interval = properties.radioInterval();
        // the fleet does not depend on the start: a source made now lists the meters any later one sends as
        this.settings = new RadioSettings(properties.seed() ^ SEED_SALT, properties.radioMeters(), RadioSecurity.MODE_5,
                interval, RadioSettings.defaultJitter(interval), Instant.EPOCH, null);
        this.meters = new RadioSource(settings).meters();
        Deque<RadioMeter> cold = new ArrayDeque<>();
        Deque<RadioMeter> hot = new ArrayDeque<>();
        for (RadioMeter m : meters) {
            MeterType type = m.meter().type();
            if (type == MeterType.SONOSAFE_10) {
                add(List.of(new Placement(m, Resource.HEAT, Register.ENERGY, 0),
                        new Placement(m, Resource.COLD_WATER, Register.VOLUME_SUBUNIT_1, DemoRegistry.COLD_WATER_SUBUNIT),
                        new Placement(m, Resource.HOT_WATER, Register.VOLUME_SUBUNIT_2, DemoRegistry.HOT_WATER_SUBUNIT)));
            } else if (type == MeterType.COLD_WATER) {
                cold.add(m);
            } else if (type == MeterType.HOT_WATER) {
                hot.add(m);
            } else {
                unassigned.add(m);
            }
        }
        while (!cold.isEmpty() && !hot.isEmpty()) {
            add(List.of(new Placement(cold.poll(), Resource.COLD_WATER, Register.VOLUME, 0),
                    new Placement(hot.poll(), Resource.HOT_WATER, Register.VOLUME, 0)));
        }
        unassigned.addAll(cold);
        unassigned.addAll(hot);
    }

    private void add(List<Placement> placements) {
        int number = apartments.size() + 1;
        apartments.add(new Apartment(number, (number - 1) / APARTMENTS_PER_FLOOR + 1, placements));
    }

    /**
     * The radio, without end: every meter of the fleet, the unassigned ones too (a receiver hears whatever is in
     * range).
     *
     * @param start when the first transmissions fall; now for a live demo, so that a telegram's time is the time it
     *              is heard
     */
    public RadioSource radio(Instant start) {
        return new RadioSource(new RadioSettings(settings.seed(), settings.meters(), settings.security(),
                settings.interval(), settings.jitter(), start, null));
    }

    /** The radio fleet's seed (the demo's, salted). */
    public long seed() {
        return settings.seed();
    }

    /** Every meter the radio sends for, in the fleet's order. */
    public List<RadioMeter> meters() {
        return meters;
    }

    public List<Apartment> apartments() {
        return List.copyOf(apartments);
    }

    /** Meters heard and decoded but never registered: they reach the server as unassigned meters. */
    public List<RadioMeter> unassigned() {
        return List.copyOf(unassigned);
    }

    /** The registered meters, each once, in the fleet's order. */
    public List<RadioMeter> registered() {
        return apartments.stream().flatMap(a -> a.placements().stream()).map(Placement::meter).distinct().toList();
    }

    /**
     * The meter whose newest backfilled energy marks how far the radio building's backfill got: the last
     * apartment heat meter. Empty when the fleet has none (then there is no history to fill).
     */
    public Optional<RadioMeter> backfillMarker() {
        List<RadioMeter> heat = apartments.stream().flatMap(a -> a.placements().stream())
                .filter(p -> p.resource() == Resource.HEAT).map(Placement::meter).toList();
        return heat.isEmpty() ? Optional.empty() : Optional.of(heat.get(heat.size() - 1));
    }
}
