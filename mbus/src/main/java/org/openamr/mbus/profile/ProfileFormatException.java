package org.openamr.mbus.profile;

/** A profile file that cannot be read: names the file, the line and what is wrong. */
public final class ProfileFormatException extends RuntimeException {

    public ProfileFormatException(String source, int line, String problem) {
        super(source + ", line " + line + ": " + problem);
    }
}
