package org.openamr.server.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.record.Function;

/**
 * The checks that need the whole push: two values for the same meter, register and time that
 * differ contradict each other, and neither is stored (which one is right cannot be known); equal
 * ones are the same fact, stored once and counted as a duplicate by the store.
 */
final class PushAssembly {

    private PushAssembly() {
    }

    /**
     * What a push stores: readouts whose conditions the document reports, readouts it says nothing
     * about conditions for, and every rejection.
     */
    record Assembled(List<MeterReadout> withConditions, List<MeterReadout> withoutConditions,
                     List<Rejection> rejections, int values, List<Kept> keptWithConditions,
                     List<Kept> keptWithoutConditions) {
    }

    /**
     * A value the push stores, with its meter as the document names it and where it came from: the
     * values of {@code withConditions} (and of {@code withoutConditions}) in the order the store
     * numbers them, readouts in order and each readout's values in order.
     */
    record Kept(String meter, Candidate candidate) {
    }

    private record Meter(String serial, String manufacturer) {
    }

    static Assembled assemble(ParsedPush push) {
        Map<Candidate, String> contradicted = contradictions(push);
        List<Rejection> rejections = new ArrayList<>(push.rejections());
        List<MeterReadout> withConditions = new ArrayList<>();
        List<MeterReadout> withoutConditions = new ArrayList<>();
        List<Kept> keptWith = new ArrayList<>();
        List<Kept> keptWithout = new ArrayList<>();
        int values = 0;
        for (MeterCandidates m : push.meters()) {
            List<RegisterValue> kept = new ArrayList<>(m.values().size());
            List<Kept> origins = m.conditionsReported() ? keptWith : keptWithout;
            for (Candidate c : m.values()) {
                String reason = contradicted.isEmpty() ? null : contradicted.get(c);
                if (reason == null) {
                    kept.add(c.toValue());
                    origins.add(new Kept(m.label(), c));
                } else {
                    rejections.add(new Rejection(m.label(), c.origin().location(), reason, c.origin().fragment(), 1));
                }
            }
            values += kept.size();
            MeterReadout readout = new MeterReadout(m.identity(), m.readAt(), kept, m.conditions());
            (m.conditionsReported() ? withConditions : withoutConditions).add(readout);
        }
        return new Assembled(withConditions, withoutConditions, rejections, values, keptWith, keptWithout);
    }

    /** The candidates that another one of the same meter, register and time contradicts, with why. */
    private static Map<Candidate, String> contradictions(ParsedPush push) {
        Map<Meter, Map<RegisterKey, List<Candidate>>> series = new LinkedHashMap<>();
        for (MeterCandidates m : push.meters()) {
            Map<RegisterKey, List<Candidate>> registers = series.computeIfAbsent(
                    new Meter(m.identity().serial(), m.identity().manufacturer().orElse("")), k -> new HashMap<>());
            for (Candidate c : m.values()) {
                registers.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<Candidate, String> contradicted = new IdentityHashMap<>();
        for (Map<RegisterKey, List<Candidate>> registers : series.values()) {
            for (List<Candidate> list : registers.values()) {
                if (!strictlyIncreasing(list)) {
                    contradictionsIn(list, contradicted);
                }
            }
        }
        return contradicted;
    }

    /** The usual case, a register's values in time order, has no two values for one time. */
    private static boolean strictlyIncreasing(List<Candidate> list) {
        for (int i = 1; i < list.size(); i++) {
            if (!list.get(i).at().isAfter(list.get(i - 1).at())) {
                return false;
            }
        }
        return true;
    }

    private static void contradictionsIn(List<Candidate> register, Map<Candidate, String> contradicted) {
        Map<Instant, List<Candidate>> byTime = new HashMap<>();
        for (Candidate c : register) {
            byTime.computeIfAbsent(c.at(), k -> new ArrayList<>(1)).add(c);
        }
        for (List<Candidate> same : byTime.values()) {
            if (same.size() < 2 || same.stream().allMatch(c -> c.value().compareTo(same.get(0).value()) == 0)) {
                continue;
            }
            for (Candidate c : same) {
                StringBuilder others = new StringBuilder();
                for (Candidate o : same) {
                    if (o != c) {
                        others.append(others.length() == 0 ? "" : "; ").append(o.origin().location()).append(" says ")
                                .append(o.value().toPlainString());
                    }
                }
                contradicted.put(c, "value " + c.value().toPlainString() + " for " + describe(c.key()) + " at " + c.at()
                        + " contradicts " + others + "; neither is stored");
            }
        }
    }

    static String describe(RegisterKey k) {
        StringBuilder sb = new StringBuilder(k.quantity().name()).append(' ').append(k.unit().symbol());
        sb.append(" storage ").append(k.storage());
        if (k.tariff() != 0) {
            sb.append(" tariff ").append(k.tariff());
        }
        if (k.subunit() != 0) {
            sb.append(" subunit ").append(k.subunit());
        }
        if (k.function() != Function.INSTANTANEOUS) {
            sb.append(' ').append(k.function().name());
        }
        if (!k.qualifier().isEmpty()) {
            sb.append(" qualifier ").append(k.qualifier());
        }
        return sb.toString();
    }
}
