package org.openamr.server.report.heatsheet;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.openamr.server.alarm.RuleKind;

/**
 * The abnormal situations (нештатные ситуации, НС) of a heat metering unit, by the code a heat sheet prints: the
 * one list of them, for the heat sheet's column and legend now and for the alarm rules later. Labels are the
 * {@code report.ns.<code>} messages.
 *
 * <p>How each is found today, from what a meter reports (see {@link HeatSheetDays}):
 * <ul>
 *   <li>from the meter's conditions (table {@code meter_event}, codes of the device profiles and of the M-Bus
 *       status byte) active at some moment of the day: {@link #eventCodes()};</li>
 *   <li>{@link #FUNCTIONAL_FAILURE} also when the meter's time-in-error register grew during the day (the meter
 *       counts the time it could not integrate energy);</li>
 *   <li>{@link #NO_POWER} also when the operating-time register grew by at least an hour less than the day is long
 *       (the meter's clock of operation stops without power);</li>
 *   <li>{@link #NO_FLOW} also when the heat carrier's volume (V1) did not grow during a day with data.</li>
 * </ul>
 * {@link #FLOW_BELOW_RANGE}, and the range checks of {@link #FLOW_ABOVE_RANGE} and {@link #DELTA_T_BELOW_MINIMUM}
 * against the unit's configured limits (Gmin, Gmax, ΔTmin of the metering project), need those limits and the
 * instantaneous flow: the alarm rule {@code alarm.rule.HeatRangeRule} finds them, and {@link #ofRule} says which
 * alarm kind is which situation: a day with such an alarm open at any moment of it (from the
 * reading that raised it to the one that cleared it) carries the situation's code.
 */
public enum AbnormalSituation {
    /** расход ниже диапазона измерений (G &lt; Gmin) */
    FLOW_BELOW_RANGE(1),
    /** расход выше диапазона измерений (G &gt; Gmax) */
    FLOW_ABOVE_RANGE(2),
    /** разность температур ниже минимальной (ΔT &lt; ΔTmin) */
    DELTA_T_BELOW_MINIMUM(3),
    /** функциональный отказ (неисправность датчиков, электроники) */
    FUNCTIONAL_FAILURE(4),
    /** изменение направления потока */
    FLOW_DIRECTION_CHANGE(5),
    /** отсутствие питания */
    NO_POWER(6),
    /** отсутствие расхода (теплоносителя) */
    NO_FLOW(7);

    /**
     * Meter conditions (the {@code code} of {@code meter_event}) and the situation each means. A condition not
     * listed (a low battery, a ΔT above its limit) is not an abnormal situation of metering.
     */
    private static final Map<String, AbnormalSituation> EVENT_CODES = Map.ofEntries(
            // Danfoss profile (mbus danfoss.profile)
            Map.entry("BATTERY_END", NO_POWER),
            Map.entry("DT_BELOW_LIMIT", DELTA_T_BELOW_MINIMUM),
            Map.entry("ELECTRONICS_FAILURE", FUNCTIONAL_FAILURE),
            Map.entry("T1_DISCONNECTED", FUNCTIONAL_FAILURE),
            Map.entry("T1_SHORT_CIRCUIT", FUNCTIONAL_FAILURE),
            Map.entry("T2_DISCONNECTED", FUNCTIONAL_FAILURE),
            Map.entry("T2_SHORT_CIRCUIT", FUNCTIONAL_FAILURE),
            Map.entry("FLOW_SENSOR_FAILURE", FUNCTIONAL_FAILURE),
            Map.entry("NO_FLOW_SIGNAL", NO_FLOW),
            Map.entry("REVERSE_FLOW", FLOW_DIRECTION_CHANGE),
            Map.entry("FLOW_ABOVE_LIMIT", FLOW_ABOVE_RANGE),
            // the M-Bus status byte (EN 13757-3), any maker
            Map.entry("STATUS_PERMANENT_ERROR", FUNCTIONAL_FAILURE),
            Map.entry("STATUS_APPLICATION_ERROR", FUNCTIONAL_FAILURE));

    /** Alarm kinds that are abnormal situations, with their situation. */
    private static final Map<RuleKind, AbnormalSituation> RULE_KINDS = Map.of(
            RuleKind.HEAT_FLOW_BELOW_RANGE, FLOW_BELOW_RANGE,
            RuleKind.HEAT_FLOW_ABOVE_RANGE, FLOW_ABOVE_RANGE,
            RuleKind.HEAT_DELTA_T_BELOW_MINIMUM, DELTA_T_BELOW_MINIMUM);

    private final int code;

    AbnormalSituation(int code) {
        this.code = code;
    }

    /** The number printed in the НС column and the legend. */
    public int code() {
        return code;
    }

    /** The message key of the situation's label. */
    public String messageKey() {
        return "ns." + code;
    }

    /** The situation a meter condition means, if any. */
    public static Optional<AbnormalSituation> ofEvent(String eventCode) {
        return Optional.ofNullable(EVENT_CODES.get(eventCode));
    }

    /** The situation an alarm of this kind means, if any. */
    public static Optional<AbnormalSituation> ofRule(RuleKind kind) {
        return Optional.ofNullable(RULE_KINDS.get(kind));
    }

    /** Meter conditions that are abnormal situations, with their situation. */
    public static Map<String, AbnormalSituation> eventCodes() {
        return EVENT_CODES;
    }

    public static Optional<AbnormalSituation> ofCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
