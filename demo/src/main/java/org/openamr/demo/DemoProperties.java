package org.openamr.demo;

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
 */
@ConfigurationProperties("openamr.demo")
public record DemoProperties(boolean enabled, @DefaultValue("2024") long seed, @DefaultValue("3") int entrances,
                             @DefaultValue("20") int apartmentsPerEntrance, @DefaultValue("13") int historyMonths,
                             @DefaultValue("7") int hourlyDays) {

    public DemoProperties {
        if (entrances < 1 || apartmentsPerEntrance < 1 || entrances * apartmentsPerEntrance > DemoBuilding.MAX_APARTMENTS) {
            throw new IllegalArgumentException("openamr.demo: 1.." + DemoBuilding.MAX_APARTMENTS
                    + " apartments in at least one entrance, got " + entrances + " × " + apartmentsPerEntrance);
        }
        if (historyMonths < 0 || hourlyDays < 0) {
            throw new IllegalArgumentException("openamr.demo: history-months and hourly-days must not be negative");
        }
    }
}
