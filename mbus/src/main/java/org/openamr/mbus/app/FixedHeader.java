package org.openamr.mbus.app;

/**
 * The header of the legacy fixed data structure (CI 0x73 / 0x77), which has no manufacturer or
 * version: the medium comes from the two unit bytes.
 */
public record FixedHeader(String id, int accessNumber, StatusByte status, int medium) implements Header {
}
