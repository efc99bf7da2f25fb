package org.openamr.server.web.alarms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The alarms page's filters and page as they stand in its address, so that a link (a badge's, a page number's, the
 * return after an acknowledgement) shows the same list. Values are kept as given; {@link AlarmsPageController}
 * checks them and says which it could not use.
 *
 * @param severity the least severity shown (CRITICAL, WARNING, INFO), null for all
 * @param state    OPEN, RAISED, ACKNOWLEDGED, CLEARED or ALL; null for the open ones (raised or acknowledged)
 * @param premise  an apartment's alarms, from its page
 * @param object   one object's alarms (a meter, a point), by its id
 * @param page     from 1, as people count pages
 */
public record AlarmsFilter(String building, String severity, String rule, String state, String premise, String object,
                           int page) {

    public static final int PAGE_SIZE = 50;

    /** A filter's name and value in the address. */
    public record Field(String name, String value) {
    }

    /**
     * The filters set and the page: the hidden fields of an acknowledgement's form, so that the list it returns to
     * is the list it was sent from.
     */
    public List<Field> fields() {
        return fields(page);
    }

    public String atPage(int n) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (Field f : fields(n)) {
            // form encoding, as a browser sends a GET form: what the server decodes the parameters with
            query.add(f.name() + "=" + URLEncoder.encode(f.value().trim(), StandardCharsets.UTF_8));
        }
        return "/alarms" + query;
    }

    /** This list as it is: where an acknowledgement returns to. */
    public String self() {
        return atPage(page);
    }

    /** Whether the list is narrowed to one apartment or one object, which the page says with a way back to all. */
    public boolean narrowed() {
        return premise != null || object != null;
    }

    private List<Field> fields(int n) {
        String[] names = {"building", "severity", "rule", "state", "premise", "object", "page"};
        String[] values = {building, severity, rule, state, premise, object, n > 1 ? Integer.toString(n) : null};
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                out.add(new Field(names[i], values[i]));
            }
        }
        return out;
    }

    /** The id a filter's text names; null when none is set or it is not one. */
    static UUID id(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.trim());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
