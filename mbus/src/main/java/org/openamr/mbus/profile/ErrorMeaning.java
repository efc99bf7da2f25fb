package org.openamr.mbus.profile;

/**
 * One condition a meter's error code can signal.
 *
 * @param code    stable name, e.g. {@code T1_SENSOR_DISCONNECTED}
 * @param stopsIntegration true when the meter stops integrating energy while this error is present
 */
public record ErrorMeaning(String code, String labelEn, String labelRu, boolean stopsIntegration) {
}
