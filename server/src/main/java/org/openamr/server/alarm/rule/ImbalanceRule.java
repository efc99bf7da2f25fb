package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.consumption.TotalStatus;

/**
 * The building meter (ОДПУ) and the sum of the apartments' meters (ΣИПУ) differ over a month by more than X % of the
 * building meter's figure (default 15 %), either way: more lost in the common areas than is plausible, or
 * apartments counting more than the house, which is a meter fault. Unknown unless both sums are complete (a
 * partial sum would blame the common areas for a flat without data) and the building meter's figure is not 0;
 * cleared by a month within the limit.
 */
public record ImbalanceRule(Parameters parameters) implements AlarmRule<BuildingMonth> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @param percent the largest difference, in % of the building meter's figure; more than 0, at most 1000 */
    public record Parameters(BigDecimal percent) {

        public static final Parameters DEFAULT = new Parameters(BigDecimal.valueOf(15));

        public Parameters {
            RuleParameters.atMost("percent", RuleParameters.positive("percent", percent), BigDecimal.valueOf(1000));
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.IMBALANCE;
    }

    @Override
    public Verdict evaluate(BuildingMonth month) {
        TotalInterval house = month.balance().house();
        TotalInterval flats = month.balance().premises();
        Instant end = month.balance().interval().end();
        if (house.status() != TotalStatus.COMPLETE || flats.status() != TotalStatus.COMPLETE) {
            return Verdict.unknown(Evidence.of(end, "building meters " + house.status() + ", apartments "
                    + flats.status() + ": no balance without both sums complete"));
        }
        if (house.value().signum() == 0) {
            return Verdict.unknown(Evidence.of(end, "the building meters show no consumption: no share to compare"));
        }
        BigDecimal difference = house.value().subtract(flats.value()).abs();
        // decided exactly, as difference × 100 > percent × house; the rounded share is only for the text
        boolean beyond = difference.multiply(HUNDRED).compareTo(parameters.percent().multiply(house.value())) > 0;
        BigDecimal share = difference.multiply(HUNDRED).divide(house.value(), 1, RoundingMode.HALF_EVEN);
        Evidence evidence = Evidence.of(end, "from " + month.balance().interval().start() + " to " + end
                + ": building meters " + house.value().toPlainString() + ", apartments " + flats.value().toPlainString()
                + ", difference " + share.toPlainString() + " % of the building meters (limit "
                + parameters.percent().toPlainString() + " %)");
        return beyond ? Verdict.holds(evidence) : Verdict.ended(evidence);
    }
}
