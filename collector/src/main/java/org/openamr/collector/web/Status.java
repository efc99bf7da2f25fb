package org.openamr.collector.web;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.collector.Collector;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.CollectorSettings.OutputSettings;
import org.openamr.collector.delivery.OutputStatus;
import org.openamr.collector.input.InputCounts;
import org.openamr.collector.input.RadioInputRunner;
import org.openamr.collector.input.WiredBusInput;

/**
 * One look at a running collector, taken once per request: the page and {@code /status.json} are both
 * written from it, so that they always show the same figures.
 */
public record Status(String collector, ZoneId zone, Instant at, List<InputRow> inputs, List<OutputRow> outputs,
                     StoreRow store, String configuration, List<String> log) {

    /** @param kind {@code mbus} or {@code radio}; @param address the bus or the receiver */
    public record InputRow(String name, String kind, String address, int meters, Optional<Instant> lastRead,
                           OptionalInt lastRssiDbm, long telegrams, long readouts, Map<String, Long> errors) {
    }

    /**
     * @param queueDepth   readouts waiting for this output, -1 when the store could not say
     * @param backupInUse  the primary failed {@code failuresBeforeBackup} times in a row: batches go to the backup
     */
    public record OutputRow(String name, String type, long queueDepth, Optional<Instant> lastSuccess,
                            Optional<Instant> lastErrorAt, Optional<String> lastError, long delivered,
                            long throughBackup, int failuresInRow, Optional<String> backup, boolean backupInUse) {
    }

    /** @param usedBytes -1 when the store could not say */
    public record StoreRow(Path file, long usedBytes, long maxBytes, Optional<Duration> maxAge,
                           Map<String, Long> telegrams, long droppedUndelivered) {
    }

    public static Status of(Collector c, Clock clock) {
        CollectorSettings s = c.settings();
        List<InputRow> inputs = new ArrayList<>();
        for (WiredBusInput b : c.buses()) {
            inputs.add(row(b.spec().name(), "mbus", b.spec().connection().address().text(), b.counts()));
        }
        for (RadioInputRunner r : c.radios()) {
            inputs.add(row(r.spec().name(), "radio", r.spec().receiver().toString(), r.counts()));
        }
        List<OutputRow> outputs = new ArrayList<>();
        List<OutputStatus> statuses = c.outputStatus();
        for (int i = 0; i < s.outputs().size(); i++) {
            OutputSettings o = s.outputs().get(i);
            OutputStatus st = statuses.get(i);
            long depth;
            try {
                depth = c.store().queueDepth(o.name());
            } catch (SQLException e) {
                depth = -1;
            }
            outputs.add(new OutputRow(o.name(), o.type(), depth, st.lastSuccess(), st.lastErrorAt(), st.lastError(),
                    st.delivered(), st.throughBackup(), st.failuresInRow(), o.backup(),
                    o.backup().isPresent() && st.failuresInRow() >= o.failuresBeforeBackup()));
        }
        long used;
        Map<String, Long> telegrams;
        try {
            used = c.store().usedBytes();
            telegrams = c.store().telegramCounts();
        } catch (SQLException e) {
            used = -1;
            telegrams = Map.of();
        }
        StoreRow store = new StoreRow(c.store().file(), used, s.store().maxBytes(), s.store().maxAge(), telegrams,
                c.store().droppedUndelivered());
        java.util.Set<String> secrets = ConfigText.secrets(s);
        List<String> log = c.recentLog().lines().stream().map(l -> ConfigText.maskLine(l, secrets)).toList();
        return new Status(s.id(), s.zone(), clock.instant(), inputs, outputs, store, ConfigText.of(s), log);
    }

    private static InputRow row(String name, String kind, String address, InputCounts counts) {
        return new InputRow(name, kind, address, counts.meters(), counts.lastRead(), counts.lastRssiDbm(),
                counts.telegrams(), counts.readouts(), counts.errors());
    }
}
