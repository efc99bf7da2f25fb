package org.openamr.simulator.radio;

import java.util.Iterator;
import java.util.List;
import org.openamr.simulator.meter.Reading;
import org.openamr.wmbus.OutgoingTelegram;
import org.openamr.wmbus.WirelessEncoder;
import org.openamr.wmbus.keys.KeyStore;

/**
 * Virtual heat and water meters that send encrypted wireless M-Bus telegrams (OMS security modes
 * 5 and 7) over a simulated period, with the truth of every telegram: what a receiver and
 * {@code openamr listen} must decode from it. A pure function of its {@link RadioSettings}: the
 * telegrams come in time order as fast as they are asked for; a sink paces them if it wants to
 * ({@link RadioTcpServer}).
 *
 * <pre>
 * RadioSource radio = new RadioSource(new RadioSettings(7, 20, RadioSecurity.MIXED, Duration.ofSeconds(120),
 *         Duration.ofSeconds(12), Instant.parse("2026-11-24T10:00:00Z"), Duration.ofHours(1)));
 * radio.telegrams().forEachRemaining(t -&gt; …t.formatA()… t.truth() …);
 * </pre>
 */
public final class RadioSource {

    private final RadioSettings settings;
    private final List<RadioMeter> meters;

    public RadioSource(RadioSettings settings) {
        this.settings = settings;
        this.meters = List.copyOf(RadioFleet.meters(settings));
    }

    public RadioSettings settings() {
        return settings;
    }

    /** The meters, in the order of the simulation. */
    public List<RadioMeter> meters() {
        return meters;
    }

    /** The keys a receiver needs: one per meter. */
    public KeyStore keys() {
        KeyStore k = KeyStore.empty();
        for (RadioMeter m : meters) {
            k = k.withMeterKey(m.manufacturer(), m.id(), m.key());
        }
        return k;
    }

    /** The telegrams of the period in time order, from its start each time this is called. */
    public Iterator<RadioTelegram> telegrams() {
        TransmitSchedule schedule = new TransmitSchedule(meters, settings.start(), settings.end());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return schedule.hasNext();
            }

            @Override
            public RadioTelegram next() {
                return telegram(schedule.next());
            }
        };
    }

    private RadioTelegram telegram(TransmitSchedule.Transmission tx) {
        RadioMeter m = meters.get(tx.meter());
        Reading reading = m.meter().reading(tx.at());
        OutgoingTelegram out = m.telegram(reading, tx.sequence());
        return new RadioTelegram(tx.at(), m, tx.sequence(), WirelessEncoder.encode(out),
                TelegramTruth.of(m, reading, tx.sequence(), tx.at()));
    }
}
