package org.openamr.mbus.app;

/** CI 0x78: records without any header. */
public record NoHeader() implements Header {

    @Override
    public int accessNumber() {
        return -1;
    }

    @Override
    public StatusByte status() {
        return null;
    }
}
