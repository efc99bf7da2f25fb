package org.openamr.server.report.format;

/**
 * A value that the chosen charset cannot hold (a letter outside windows-1251): refused rather than written as
 * '?', which would corrupt an address or a name in the billing program without anyone noticing.
 */
public class UnencodableTextException extends RuntimeException {

    private final String value;

    public UnencodableTextException(String value, String charset) {
        super("the value '" + value + "' cannot be written in " + charset + "; choose UTF-8");
        this.value = value;
    }

    public String value() {
        return value;
    }
}
