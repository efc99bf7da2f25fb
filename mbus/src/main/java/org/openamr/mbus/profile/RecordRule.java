package org.openamr.mbus.profile;

import java.util.Optional;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.Modifier;

/**
 * One line of a profile: which records it matches and what they mean. An empty condition matches
 * anything; {@code modifier} {@code NONE} matches a record without modifiers.
 */
record RecordRule(Quantity quantity, Long storage, boolean storageAboveZero, Integer tariff, Integer subunit,
                  Function function, String modifier, Integer recordError, RecordMeaning meaning) {

    static final String NO_MODIFIER = "NONE";

    boolean matches(DataRecord r) {
        if (r.quantity() != quantity) {
            return false;
        }
        if (storageAboveZero ? r.storageNumber() == 0 : storage != null && r.storageNumber() != storage) {
            return false;
        }
        if (tariff != null && r.tariff() != tariff || subunit != null && r.subunit() != subunit) {
            return false;
        }
        if (function != null && r.function() != function) {
            return false;
        }
        var meaning = r.valueInformation().meaning();
        if (recordError != null && meaning.recordError() != recordError) {
            return false;
        }
        if (modifier == null) {
            return true;
        }
        if (modifier.equals(NO_MODIFIER)) {
            return meaning.modifiers().isEmpty();
        }
        return meaning.has(Modifier.valueOf(modifier));
    }

    Optional<RecordMeaning> apply(DataRecord r) {
        return matches(r) ? Optional.of(meaning) : Optional.empty();
    }
}
