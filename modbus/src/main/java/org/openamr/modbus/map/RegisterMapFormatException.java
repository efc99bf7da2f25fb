package org.openamr.modbus.map;

/** A register map file that cannot be used: names the file, the line and what is wrong. */
public final class RegisterMapFormatException extends RuntimeException {

    private final String source;
    private final int line;

    public RegisterMapFormatException(String source, int line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
