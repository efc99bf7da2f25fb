package org.openamr.wmbus;

import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.app.Medium;

/**
 * Who sent a telegram, as the link layer or a transport layer long header names it: manufacturer,
 * identification number (8 hex digits of the BCD field), version and device type.
 */
public record MeterAddress(int manufacturer, String id, int version, int deviceType) {

    public String manufacturerLetters() {
        return ManufacturerCode.decode(manufacturer);
    }

    public Medium medium() {
        return Medium.of(deviceType);
    }

    @Override
    public String toString() {
        return manufacturerLetters() + " " + id + " (version " + version + ", type %02X)".formatted(deviceType);
    }
}
