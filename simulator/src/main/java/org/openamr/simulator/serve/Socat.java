package org.openamr.simulator.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the socat program, which makes the pseudo-terminal pair of {@link PtyBusServer}. */
public final class Socat {

    /** Where Debian and Ubuntu install it. */
    public static final Path DEFAULT = Path.of("/usr/bin/socat");
    public static final String INSTALL_HINT = "socat is needed for a pseudo-terminal bus but was not found at "
            + DEFAULT + " or on the PATH; install it with: apt-get install -y socat (Debian/Ubuntu), "
            + "dnf install socat (Fedora), brew install socat (macOS)";

    private Socat() {
    }

    /** The socat executable, if installed. */
    public static Optional<Path> find() {
        if (Files.isExecutable(DEFAULT)) {
            return Optional.of(DEFAULT);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, "socat");
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The socat executable, or an exception that says how to install it. */
    public static Path require() throws IOException {
        return find().orElseThrow(() -> new IOException(INSTALL_HINT));
    }
}
