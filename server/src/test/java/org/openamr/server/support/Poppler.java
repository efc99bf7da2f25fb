package org.openamr.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's poppler-utils, which read a PDF as its users' viewers do: the text (pdftotext), the page count (pdfinfo),
 * the fonts (pdffonts) and a picture of a page (pdftoppm). Missing tools fail the test, never skip it: CI installs
 * them ({@code apt-get install poppler-utils}).
 */
public final class Poppler {

    private Poppler() {
    }

    /** The text of the pages, laid out as on the page. */
    public static String text(Path pdf, String... pages) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("pdftotext", "-layout", "-enc", "UTF-8"));
        cmd.addAll(List.of(pages));
        cmd.addAll(List.of(pdf.toString(), "-"));
        return run(cmd);
    }

    public static int pages(Path pdf) throws IOException, InterruptedException {
        for (String line : run(List.of("pdfinfo", pdf.toString())).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("pdfinfo gives no page count for " + pdf);
    }

    public static String fonts(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdffonts", pdf.toString()));
    }

    /** The first page as a PNG at 60 dpi, {@code prefix}.png, for a person to look at. */
    public static Path firstPage(Path pdf, Path prefix) throws IOException, InterruptedException {
        run(List.of("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                prefix.toString()));
        Path png = Path.of(prefix + ".png");
        if (!Files.exists(png)) {
            throw new AssertionError("pdftoppm wrote no " + png);
        }
        return png;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError(cmd.get(0) + " is missing: apt-get install -y poppler-utils (" + e.getMessage()
                    + ")", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
