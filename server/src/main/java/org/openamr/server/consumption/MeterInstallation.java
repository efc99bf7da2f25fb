package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.openamr.mbus.quantity.Unit;

/**
 * One meter's period at a point, with the readings of the register that measures the point's
 * resource: {@code current} (storage 0) and {@code dueDate} (storage 1, the monthly values the meter
 * stores at 00:00 of the 1st). Either may be null when the meter has no such register.
 *
 * @param removedAt     null while the meter is installed
 * @param initialValue  register value written in the installation act, used when the meter was not
 *                      read at the moment of installation
 * @param finalValue    the same at removal
 * @param registerDigits digits of the register before it rolls over to zero, when known
 * @param unit          unit of both registers and of the act values
 * @param nextVerification the meter's next verification date, null when not recorded: read with the installation
 *                      so that a statement shows it without a query of its own
 */
public record MeterInstallation(String meterSerial, Instant installedAt, Instant removedAt, BigDecimal initialValue,
                                BigDecimal finalValue, Integer registerDigits, Unit unit, RegisterSeries current,
                                RegisterSeries dueDate, LocalDate nextVerification) {

    public MeterInstallation {
        Objects.requireNonNull(meterSerial, "meterSerial");
        Objects.requireNonNull(installedAt, "installedAt");
        Objects.requireNonNull(unit, "unit");
        if (removedAt != null && !removedAt.isAfter(installedAt)) {
            throw new IllegalArgumentException("meter " + meterSerial + " removed at " + removedAt
                    + ", not after its installation at " + installedAt);
        }
    }

    /** Whether the meter was at the point at some moment of [from, to). */
    public boolean overlaps(Instant from, Instant to) {
        return installedAt.isBefore(to) && (removedAt == null || removedAt.isAfter(from));
    }
}
