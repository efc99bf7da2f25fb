package org.openamr.simulator.radio;

import org.openamr.wmbus.receiver.LinkMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openamr.mbus.app.Medium;
import org.openamr.simulator.bus.DemoSegment;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.bus.MeterMix;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;
import org.openamr.simulator.model.Hash;
import org.openamr.wmbus.keys.AesKey;

/**
 * The radio meters of a simulation, all from the seed: the kinds and ids as {@link DemoSegment}
 * draws them (heat and water meters only), and per meter its key, security mode, level and phase.
 * Heat meters send in C1, water meters in T1; with mixed security every other meter uses mode 7.
 */
final class RadioFleet {

    /** Apartment heat meters, a house heat meter's kind, and cold and hot water meters. */
    static final MeterMix RADIO_MIX = new MeterMix(Map.of(MeterType.SONOSAFE_10, 30, MeterType.SONOMETER_1100, 20,
            MeterType.COLD_WATER, 25, MeterType.HOT_WATER, 25));
    /** Levels a receiver in the building sees: from the next room to the far end of the basement. */
    private static final int WEAKEST_DBM = -100;
    private static final int STRONGEST_DBM = -50;
    private static final long KEY = 0x4B45L;
    private static final long RSSI = 0x1255L;
    private static final long PHASE = 0x9A5EL;
    private static final long JITTER = 0x7177L;
    private static final long ACCESS = 0xACC0L;
    private static final long COUNTER = 0xC0C0L;
    private static final int MAX_FIRST_COUNTER = 1_000_000;

    private RadioFleet() {
    }

    static List<RadioMeter> meters(RadioSettings s) {
        ConsumptionModel model = new ConsumptionModel(s.seed());
        List<RadioMeter> out = new ArrayList<>();
        List<VirtualMeter> meters = DemoSegment.meters(model, s.meters(), IdScheme.RANDOM, RADIO_MIX);
        for (int i = 0; i < meters.size(); i++) {
            VirtualMeter m = meters.get(i);
            long id = Hash.of(m.secondaryAddress().toString());
            LinkMode mode = m.type().medium() == Medium.HEAT ? LinkMode.C1 : LinkMode.T1;
            TransmitTiming timing = new TransmitTiming(s.interval(), s.jitter(),
                    Long.remainderUnsigned(Hash.of(s.seed(), id, PHASE), s.interval().toMillis()),
                    Hash.of(s.seed(), id, JITTER));
            out.add(new RadioMeter(m, mode, s.security().modeFor(i), key(s.seed(), id),
                    Hash.between(Hash.of(s.seed(), id, RSSI), WEAKEST_DBM, STRONGEST_DBM), timing,
                    Hash.between(Hash.of(s.seed(), id, ACCESS), 0, 0xFF),
                    Hash.between(Hash.of(s.seed(), id, COUNTER), 0, MAX_FIRST_COUNTER)));
        }
        return out;
    }

    /** 16 bytes drawn from the seed and the meter: a simulation's keys are as secret as its seed. */
    private static AesKey key(long seed, long id) {
        byte[] k = new byte[AesKey.LENGTH];
        for (int i = 0; i < k.length; i += Long.BYTES) {
            long h = Hash.of(seed, id, KEY, i);
            for (int b = 0; b < Long.BYTES; b++) {
                k[i + b] = (byte) (h >>> 8 * b);
            }
        }
        return AesKey.of(k);
    }
}
