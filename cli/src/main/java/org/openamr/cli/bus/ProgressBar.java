package org.openamr.cli.bus;

import java.io.PrintWriter;
import java.time.Duration;

/** A one-line progress bar with an ETA, redrawn in place on a terminal's error stream. */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean shown;

    public ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** Redraws at most ten times a second. */
    public void show(double fraction, String detail) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && fraction < 1.0) {
            return;
        }
        lastDraw = now;
        shown = true;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        Duration elapsed = Duration.ofNanos(now - startNanos);
        String eta = fraction <= 0.001 ? "--:--"
                : format(Duration.ofNanos((long) ((now - startNanos) * (1 - fraction) / fraction)));
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", Math.round(fraction * 100)) + "  " + detail + "  elapsed "
                + format(elapsed) + "  ETA " + eta + "   ");
        err.flush();
    }

    public void finish() {
        if (shown) {
            err.println();
            err.flush();
        }
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
