package org.openamr.acquisition.readout;

import java.util.Objects;

/**
 * A condition a meter reports: a status-byte flag or an error of its error-code register, with the
 * labels of the device profile where there is one. Active conditions become meter events.
 */
public record MeterCondition(String code, String labelEn, String labelRu, boolean stopsIntegration) {

    public MeterCondition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(labelEn, "labelEn");
        Objects.requireNonNull(labelRu, "labelRu");
    }
}
