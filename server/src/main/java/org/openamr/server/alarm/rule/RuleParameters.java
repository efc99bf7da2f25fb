package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import java.time.Duration;
import org.openamr.server.api.BadRequestException;

/**
 * Range checks for the rules' parameter records. A refusal names the field and the value, as the API's problem
 * details do, because the values come from the database and forms that override the defaults per building and point.
 */
final class RuleParameters {

    private RuleParameters() {
    }

    static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadRequestException(field + ": must be from " + min + " to " + max + " (was " + value + ")");
        }
        return value;
    }

    static BigDecimal notNegative(String field, BigDecimal value) {
        if (value == null) {
            throw new BadRequestException(field + ": is required");
        }
        if (value.signum() < 0) {
            throw new BadRequestException(field + ": must not be negative (was " + value.toPlainString() + ")");
        }
        return value;
    }

    static BigDecimal positive(String field, BigDecimal value) {
        notNegative(field, value);
        if (value.signum() == 0) {
            throw new BadRequestException(field + ": must be more than 0 (was " + value.toPlainString() + ")");
        }
        return value;
    }

    static BigDecimal atMost(String field, BigDecimal value, BigDecimal max) {
        if (value.compareTo(max) > 0) {
            throw new BadRequestException(field + ": must be at most " + max.toPlainString() + " (was "
                    + value.toPlainString() + ")");
        }
        return value;
    }

    static Duration between(String field, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new BadRequestException(field + ": is required");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new BadRequestException(field + ": must be from " + min + " to " + max + " (was " + value + ")");
        }
        return value;
    }
}
