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
public record CollectorSettings(String id, ZoneId zone, StoreSettings store, WebSettings web, List<Input> inputs,
                                List<OutputSettings> outputs) {

    public static final long DEFAULT_MAX_SIZE = 2L << 30;

    public CollectorSettings {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** @param maxAge empty: kept until the size cap needs the room */
    public record StoreSettings(Path path, long maxBytes, Optional<Duration> maxAge) {
    }

    public record WebSettings(String bind, int port, Optional<String> password) {
        @Override
        public String toString() { // never print the password
            return "WebSettings[" + bind + ":" + port + (password.isPresent() ? ", password set" : "") + "]";
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
