package org.openamr.collector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.radio.ReceiverAddress;
import org.openamr.acquisition.schedule.Cron;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.wmbus.receiver.LinkMode;

/** A checked configuration, ready to run: every address parsed, every schedule understood. */
/** @param web empty: no status page (the file has no {@code web:} section) */
public record CollectorSettings(String id, ZoneId zone, StoreSettings store, Optional<WebSettings> web, List<Input> inputs,
                                List<OutputSettings> outputs) {

    public static final long DEFAULT_MAX_SIZE = 2L << 30;

    public CollectorSettings {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** @param maxAge empty: kept until the size cap needs the room */
    public record StoreSettings(Path path, long maxBytes, Optional<Duration> maxAge) {
    }

    /**
     * The status page. The password is required: the page shows the configuration and the meters.
     *
     * @param port 0: any free port (tests); the page's address is logged at start
     */
    public record WebSettings(String bind, int port, String user, String password) {
        public static final String DEFAULT_BIND = "127.0.0.1";
        public static final String DEFAULT_USER = "admin";

        @Override
        public String toString() { // never print the password
            return "WebSettings[" + bind + ":" + port + ", user " + user + ", password set]";
        }
    }

    public sealed interface Input permits WiredInput, RadioInput {
        String name();
    }

    public enum Search { NONE, PRIMARY, SECONDARY }

    public record WiredInput(String name, BusConnection connection, List<Integer> primaries,
                             List<SecondaryAddress> secondaries, Search search, Cron schedule) implements Input {
        public WiredInput {
            primaries = List.copyOf(primaries);
            secondaries = List.copyOf(secondaries);
        }
    }

    public record RadioInput(String name, ReceiverAddress receiver, Optional<LinkMode> mode, Optional<Path> keys,
                             MeterFilter meters) implements Input {
    }

    /**
     * @param schedule  empty: deliver as soon as there are readouts
     * @param settings  the type's own settings record, bound by {@code OutputTypes}
     */
    public record OutputSettings(String name, String type, Optional<Cron> schedule, MeterFilter meters,
                                 Optional<String> backup, int failuresBeforeBackup, Duration retryInitial,
                                 Duration retryMax, int batchSize, Object settings) {
    }
}
