package org.openamr.collector.config;

import java.util.Locale;
import java.util.Set;
import org.openamr.acquisition.readout.MeterIdentity;

/**
 * Which meters an input takes or an output carries: {@code all}, {@code none} (an output used only as
 * another's backup), a list of meter ids, or {@code {manufacturers: [DFS, …]}}.
 */
public record MeterFilter(Kind kind, Set<String> values) {

    public enum Kind { ALL, NONE, IDS, MANUFACTURERS }

    public static final MeterFilter ALL = new MeterFilter(Kind.ALL, Set.of());
    public static final MeterFilter NONE = new MeterFilter(Kind.NONE, Set.of());

    public MeterFilter {
        values = Set.copyOf(values);
    }

    public boolean accepts(MeterIdentity meter) {
        return switch (kind) {
            case ALL -> true;
            case NONE -> false;
            case IDS -> values.contains(meter.serial());
            case MANUFACTURERS -> meter.manufacturer().map(m -> values.contains(m.toUpperCase(Locale.ROOT))).orElse(false);
        };
    }
}
