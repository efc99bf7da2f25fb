package org.openamr.server.alarm.rule;

import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.balance.BuildingBalance;

/**
 * A building's balance for the last complete month of one resource: the building meters' sum (ОДПУ) and the
 * apartments' (ΣИПУ), as {@code Balances} makes them from the consumption sums of many buildings.
 */
public record BuildingMonth(AlarmObject object, BuildingBalance.Row balance) implements RuleInput {

    public BuildingMonth {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(balance, "balance");
    }
}
