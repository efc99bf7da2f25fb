package org.openamr.demo;

import java.time.Duration;
import org.openamr.simulator.radio.RadioSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's size and history ({@code openamr.demo.*}); the defaults are the demo building of
 * {@code openamr demo}, tests shrink it.
 *
 * @param enabled               seed the demo building and serve its virtual bus
 * @param seed                  the consumption model's seed: the same seed on every start, so that the
 *                              virtual meters continue the history already stored
 * @param entrances             entrances of the building
 * @param apartmentsPerEntrance apartments in each entrance
 * @param historyMonths         whole months of daily readings backfilled before the current one
 * @param hourlyDays            days before now with hourly readings
 * @param radioMeters           meters of the radio-read building that the demo's collector hears; 0: no radio
 *                              building, no collector
 * @param radioInterval         how often each radio meter sends
 */
@ConfigurationProperties("openamr.demo")
public record DemoProperties(boolean enabled, @DefaultValue("2024") long seed, @DefaultValue("3") int entrances,
                             @DefaultValue("20") int apartmentsPerEntrance, @DefaultValue("13") int historyMonths,
                             @DefaultValue("7") int hourlyDays,
                             @DefaultValue("40") int radioMeters, @DefaultValue("120s") Duration radioInterval) {

    public DemoProperties {
        if (entrances < 1 || apartmentsPerEntrance < 1 || entrances * apartmentsPerEntrance > DemoBuilding.MAX_APARTMENTS) {
            throw new IllegalArgumentException("openamr.demo: 1.." + DemoBuilding.MAX_APARTMENTS
                    + " apartments in at least one entrance, got " + entrances + " × " + apartmentsPerEntrance);
        }
        if (historyMonths < 0 || hourlyDays < 0) {
            throw new IllegalArgumentException("openamr.demo: history-months and hourly-days must not be negative");
        }
        if (radioMeters < 0 || radioMeters > RadioSettings.MAX_METERS) {
            throw new IllegalArgumentException("openamr.demo: radio-meters must be 0.." + RadioSettings.MAX_METERS
                    + ", got " + radioMeters);
        }
        if (radioInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("openamr.demo: radio-interval must be at least 1 s, got " + radioInterval);
        }
    }
}
