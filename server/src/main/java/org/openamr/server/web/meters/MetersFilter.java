package org.openamr.server.web.meters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import org.openamr.server.meter.MeterOverview;

/**
 * The meters page's filters, sort order and page as they stand in its address, so that a link shows the
 * same list to whoever may see it. Values are kept as given; {@link MetersPageController} checks them.
 *
 * @param page from 1, as people count pages
 */
public record MetersFilter(String building, String resource, String status, String q, String sort, String dir,
                           int page) {

    public static final int PAGE_SIZE = 50;

    public boolean descending() {
        return "desc".equalsIgnoreCase(dir);
    }

    public MeterOverview.Sort sortKey() {
        return switch (sort == null ? "" : sort.toLowerCase(Locale.ROOT)) {
            case "serial" -> MeterOverview.Sort.SERIAL;
            case "maker" -> MeterOverview.Sort.MAKER;
            case "status" -> MeterOverview.Sort.STATE;
            case "last" -> MeterOverview.Sort.LAST_READING;
            case "verification" -> MeterOverview.Sort.VERIFICATION;
            default -> MeterOverview.Sort.PLACE;
        };
    }

    /** The name a sort key has in the address. */
    public static String param(MeterOverview.Sort key) {
        return switch (key) {
            case SERIAL -> "serial";
            case MAKER -> "maker";
            case STATE -> "status";
            case LAST_READING -> "last";
            case VERIFICATION -> "verification";
            case PLACE -> "place";
        };
    }

    /** This list sorted by {@code column}: ascending first, the other way round when it is sorted so already. */
    public String sortedBy(String column) {
        boolean same = param(sortKey()).equals(column);
        return url(column, same && !descending() ? "desc" : "asc", 1);
    }

    /** "ascending" / "descending" for the column the list is sorted by, else null (for aria-sort). */
    public String ariaSort(String column) {
        if (!param(sortKey()).equals(column)) {
            return null;
        }
        return descending() ? "descending" : "ascending";
    }

    public String atPage(int n) {
        return url(param(sortKey()), descending() ? "desc" : "asc", n);
    }

    private String url(String sortParam, String direction, int n) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "building", building);
        add(query, "resource", resource);
        add(query, "status", status);
        add(query, "q", q);
        if (!"place".equals(sortParam) || "desc".equals(direction)) {
            add(query, "sort", sortParam);
            add(query, "dir", direction);
        }
        if (n > 1) {
            add(query, "page", Integer.toString(n));
        }
        return "/meters" + query;
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isBlank()) {
            // form encoding, as a browser sends a GET form: what the server decodes the parameters with
            query.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }

    /** The building filter as an id; null when none is set or it is not one. */
    UUID buildingId() {
        try {
            return building == null || building.isBlank() ? null : UUID.fromString(building.trim());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
