package org.openamr.simulator.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a meter measures: the exact cumulative counts of one consumer (an apartment's
 * {@link Household}, or a {@link Building}'s common supply) and its heat state at any moment.
 * Every implementation is a pure function of the model's seed, its identity and the moment.
 */
public interface Consumption {

    /** Whose consumption this is, e.g. the meter's secondary address text. */
    String identity();

    /** When the meter was installed: every count is 0 before and starts there. */
    Instant installedAt();

    ZoneId zone();

    /** The exact count since installation in fine units (Wh or ml); 0 before installation. */
    long cumulative(Channel channel, Instant at);

    /** What the heat meter measures at {@code at}: the average of the current hour. */
    HeatState heat(Instant at);

    /** The register at meter resolution: whole kWh, or m³ with litre resolution. */
    default BigDecimal register(Channel channel, Instant at) {
        return channel.register(cumulative(channel, at));
    }

    /** Every register at one moment. */
    default Registers registers(Instant at) {
        return new Registers(at, register(Channel.HEAT_ENERGY, at), register(Channel.HEAT_ENERGY_NIGHT, at),
                register(Channel.HEAT_VOLUME, at), register(Channel.COLD_WATER, at), register(Channel.HOT_WATER, at));
    }
}
