package org.openamr.acquisition.readout;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a readout, as far as the route tells: always the serial number (the 8-digit M-Bus id or a
 * concentrator's METER_ID); maker letters, version and medium code when the telegram had a long header.
 */
public record MeterIdentity(String serial, Optional<String> manufacturer, Optional<Integer> version,
                            Optional<Integer> medium) {

    public MeterIdentity {
        Objects.requireNonNull(serial, "serial");
        if (serial.isBlank()) {
            throw new IllegalArgumentException("meter serial is empty");
        }
    }

    public static MeterIdentity ofSerial(String serial) {
        return new MeterIdentity(serial, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The M-Bus secondary address (id, maker, version, medium) when all four are known. */
    public Optional<String> secondaryAddress() {
        if (manufacturer.isEmpty() || version.isEmpty() || medium.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format("%s%s%02X%02X", serial, manufacturer.get(), version.get(), medium.get()));
    }
}
