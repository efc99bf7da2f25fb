package org.openamr.server.channel;

import java.util.Locale;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;
import org.openamr.server.api.BadRequestException;

/**
 * What a search looks for: a secondary-address search below a mask (everything by default), or a
 * primary scan of an address range.
 */
public record SearchSpec(Mode mode, SecondaryAddress mask, int from, int to) {

    public enum Mode { SECONDARY, PRIMARY }

    /**
     * From request parameters, refusing what cannot be searched.
     *
     * @param mode  {@code secondary} (default) or {@code primary}
     * @param mask  16 hex digits IIIIIIIIMMMMVVDD with F wildcards (secondary only)
     * @param from  first primary address, 0 by default (primary only)
     * @param to    last primary address, 250 by default (primary only)
     */
    public static SearchSpec of(String mode, String mask, Integer from, Integer to) {
        Mode m;
        String given = mode == null || mode.isBlank() ? "secondary" : mode.trim();
        try {
            m = Mode.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("mode '" + given + "' is not a search mode: secondary or primary");
        }
        if (m == Mode.SECONDARY) {
            if (from != null || to != null) {
                throw new BadRequestException("from and to are primary addresses: they go with mode=primary");
            }
            SecondaryAddress start = SecondaryAddress.WILDCARD;
            if (mask != null && !mask.isBlank()) {
                try {
                    start = SecondaryAddress.parse(mask);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("mask: " + e.getMessage());
                }
            }
            return new SearchSpec(m, start, 0, 0);
        }
        if (mask != null) {
            throw new BadRequestException("mask is a secondary address mask: it goes with mode=secondary");
        }
        int f = from == null ? 0 : from;
        int t = to == null ? Address.MAX_PRIMARY : to;
        if (!Address.isPrimary(f) || !Address.isPrimary(t) || f > t) {
            throw new BadRequestException("primary address range " + f + "–" + t + " is not within 0–"
                    + Address.MAX_PRIMARY + " with from ≤ to");
        }
        return new SearchSpec(m, null, f, t);
    }

    /** As stored with the job. */
    public String parameters() {
        return mode == Mode.SECONDARY ? "mask=" + mask : "from=" + from + "&to=" + to;
    }
}
