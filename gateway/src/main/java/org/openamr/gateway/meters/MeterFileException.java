package org.openamr.gateway.meters;

import java.nio.file.Path;

/** A meter file the gateway cannot use, with the file, the line (0 for the whole file) and why. */
public final class MeterFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public MeterFileException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
