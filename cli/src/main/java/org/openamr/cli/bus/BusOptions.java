package org.openamr.cli.bus;

import java.time.Duration;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.mbus.master.MBusMaster;
import picocli.CommandLine.Option;

/** How to reach a bus: a serial port or {@code tcp://host:port}, and how persistent to be. */
public final class BusOptions {

    @Option(names = "--baud", paramLabel = "BAUD", description = "Bus speed (default ${DEFAULT-VALUE}).")
    int baud = 2400;

    @Option(names = "--line", paramLabel = "8E1", description = "Serial character format (default ${DEFAULT-VALUE}).")
    String format = "8E1";

    @Option(names = "--attempts", paramLabel = "N", description = "Tries per request (default ${DEFAULT-VALUE}).")
    int attempts = 3;

    @Option(names = "--latency-ms", paramLabel = "MS",
            description = "Channel latency assumed until measured, e.g. for a slow gateway (default ${DEFAULT-VALUE}).")
    long latencyMillis = 0;

    /** Opens a master on {@code channel}; nothing touches the line before the first request. */
    public MBusMaster open(String channel) {
        return connection(channel).open(java.time.Clock.systemUTC());
    }

    /** How to reach the bus at {@code channel} with these options, for whoever opens it later and again. */
    public BusConnection connection(String channel) {
        return BusConnection.of(channel, baud).withLineFormat(format).withAttempts(attempts)
                .withInitialLatency(Duration.ofMillis(latencyMillis));
    }
}
