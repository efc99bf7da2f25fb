package org.openamr.collector.input;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.acquisition.radio.HeardTelegram;
import org.openamr.acquisition.radio.Listening;
import org.openamr.acquisition.radio.RadioReadouts;
import org.openamr.acquisition.radio.RadioReceiver;
import org.openamr.acquisition.radio.RadioReceivers;
import org.openamr.acquisition.radio.Reception;
import org.openamr.acquisition.radio.ReceiverAddress;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings.RadioInput;
import org.openamr.collector.delivery.Pause;
import org.openamr.collector.store.Store;
import org.openamr.collector.store.StoredTelegram;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.keys.KeysFile;

/**
 * A wireless receiver heard through acquisition's {@link RadioReceivers} and {@link Listening}: every
 * reception is stored as received, with its outcome, before anything else; decoded readouts of the
 * meters asked for are stored with it. A telegram that fails to decode is stored raw with the reason and
 * counted; a receiver that fails is opened again after a pause.
 */
public final class RadioInputRunner implements Runnable {

    private static final Duration REOPEN = Duration.ofSeconds(10);

    private final RadioInput spec;
    private final Store store;
    private final RadioReadouts readouts;
    private final Clock clock;
    private final Pause pause;
    private final EventLog log;
    private final InputCounts counts = new InputCounts();
    private volatile RadioReceiver receiver;

    public RadioInputRunner(RadioInput spec, Store store, RadioReadouts readouts, Clock clock, Pause pause, EventLog log) {
        this.spec = spec;
        this.store = store;
        this.readouts = readouts;
        this.clock = clock;
        this.pause = pause;
        this.log = log;
    }

    public InputCounts counts() {
        return counts;
    }

    public RadioInput spec() {
        return spec;
    }

    /** Makes a receiver's blocking read return: called on stop. */
    public void close() {
        RadioReceiver r = receiver;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public void run() {
        KeyStore keys = KeyStore.publicDefaults();
        try {
            if (spec.keys().isPresent()) {
                keys = KeysFile.read(spec.keys().get(), keys);
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("input " + spec.name() + ": keys file " + spec.keys().get() + ": " + e.getMessage()
                    + "; listening without its keys");
        }
        // The window drops a telegram heard twice (two receivers, repeaters); it is still stored raw.
        Listening listening = new Listening(new WirelessDecoder(keys), spec.mode(), Duration.ofSeconds(30));
        while (!pause.stopped()) {
            try (RadioReceiver r = RadioReceivers.open(spec.receiver(), spec.mode(), false, clock)) {
                receiver = r;
                log.info("input " + spec.name() + ": listening on " + r.name() + spec.mode().map(m -> " in mode " + m).orElse(""));
                for (Reception next = r.next(); next != null && !pause.stopped(); next = r.next()) {
                    accept(listening, next);
                }
                if (!pause.stopped() && finite()) {
                    log.info("input " + spec.name() + ": " + r.name() + " ended, " + counts.telegrams() + " telegrams");
                    return; // a file or stdin read again would store every telegram twice
                }
                if (!pause.stopped()) {
                    log.warn("input " + spec.name() + ": receiver " + r.name() + " ended; opening it again in " + REOPEN.toSeconds() + " s");
                }
            } catch (IOException | RuntimeException e) {
                counts.error("receiver");
                log.warn("input " + spec.name() + ": receiver " + spec.receiver() + ": " + e.getMessage()
                        + "; opening it again in " + REOPEN.toSeconds() + " s");
            }
            receiver = null;
            pause.sleep(REOPEN);
        }
    }

    private boolean finite() {
        return spec.receiver().kind() == ReceiverAddress.Kind.REPLAY || spec.receiver().kind() == ReceiverAddress.Kind.RTL_WMBUS_STDIN;
    }

    /** Stores one reception and what it decoded to. */
    public void accept(Listening listening, Reception reception) {
        Listening.Event e = listening.accept(reception);
        StoredTelegram t;
        List<MeterReadout> decoded = List.of();
        if (e instanceof Listening.Decoded d) {
            counts.heard(d.telegram().meter().id(), d.heard().receivedAt(), d.heard().rssiDbm());
            Optional<MeterReadout> readout = readouts.readout(d.telegram(), d.heard().receivedAt());
            boolean wanted = spec.meters().accepts(RadioReadouts.identity(d.telegram()));
            if (d.telegram().payload() instanceof Payload.Undecoded u) {
                counts.error(u.reason().kind());
                t = stored(d.heard(), "undecoded", u.reason().describe());
            } else if (!wanted) {
                t = stored(d.heard(), "ignored", "meter " + d.telegram().meter() + " is not in this input's list");
            } else {
                t = stored(d.heard(), "decoded", readout.isPresent() ? "" : "no records: " + d.telegram().payload());
                decoded = readout.map(List::of).orElse(List.of());
            }
        } else if (e instanceof Listening.Failed f) {
            counts.heard(null, f.heard().receivedAt(), f.heard().rssiDbm());
            counts.error(f.reason().kind());
            t = stored(f.heard(), "failed", f.reason().describe());
            log.warn("input " + spec.name() + ": telegram not decoded (" + f.reason().kind() + "), stored raw: " + f.reason().describe());
        } else if (e instanceof Listening.Duplicate d) {
            counts.heard(null, d.heard().receivedAt(), d.heard().rssiDbm());
            t = stored(d.heard(), "duplicate", "");
        } else if (e instanceof Listening.OtherMode o) {
            counts.heard(null, o.heard().receivedAt(), o.heard().rssiDbm());
            t = stored(o.heard(), "other-mode", "");
        } else {
            Reception.Damaged d = ((Listening.Damaged) e).damage();
            counts.error(d.kind());
            t = new StoredTelegram(spec.name(), d.receiver(), d.receivedAt(), OptionalInt.empty(), null, "damaged",
                    d.kind() + ": " + d.detail());
            log.warn("input " + spec.name() + ": damaged input (" + d.kind() + "): " + d.detail());
        }
        counts.telegram();
        try {
            store.store(t, spec.name(), decoded);
            counts.readouts(decoded.size());
        } catch (SQLException ex) {
            counts.error("store");
            log.warn("input " + spec.name() + ": cannot store a telegram: " + ex.getMessage());
        }
    }

    private StoredTelegram stored(HeardTelegram h, String outcome, String reason) {
        return new StoredTelegram(spec.name(), h.receiver(), h.receivedAt(), h.rssiDbm(), h.telegram(), outcome, reason);
    }
}
