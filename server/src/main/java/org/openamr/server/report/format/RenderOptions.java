package org.openamr.server.report.format;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a text file is written, as billing programs differ: UTF-8 (with a byte order mark, which Excel and 1С need to
 * see UTF-8) or Windows-1251, and a decimal comma (what Russian Excel and 1С read as a number) or point.
 */
public record RenderOptions(Charset charset, char decimalSeparator) {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    public static final RenderOptions DEFAULT = new RenderOptions(StandardCharsets.UTF_8, ',');

    public RenderOptions {
        Objects.requireNonNull(charset, "charset");
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(WINDOWS_1251)) {
            throw new IllegalArgumentException("charset " + charset + ": only UTF-8 and windows-1251 are written");
        }
        if (decimalSeparator != ',' && decimalSeparator != '.') {
            throw new IllegalArgumentException("decimal separator '" + decimalSeparator + "': only ',' and '.'");
        }
    }
}
