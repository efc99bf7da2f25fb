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

    /**
     * The text as this charset writes it: in windows-1251, which has no superscript digits, minus sign or Greek
     * letters, «м³» is written «м3», «−» as «-» and «ΔT» as «dT», as 1С and Excel users type them; everything else
     * unchanged (a value the charset still cannot hold is then refused by the renderer).
     */
    public String fold(String text) {
        if (!charset.equals(WINDOWS_1251)) {
            return text;
        }
        return text.replace('\u00B3', '3').replace('\u00B2', '2').replace('\u2212', '-').replace('\u0394', 'd');
    }

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
