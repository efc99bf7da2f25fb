package org.openamr.server.web.alarms;

import java.util.List;
import java.util.UUID;

/**
 * The alarms the user sees, as one page of a filtered list.
 *
 * @param rules      the kinds to filter by, with their names in the reader's language
 * @param problems   filter values that could not be used, as message keys with the value
 * @param resident   a resident's page: their apartment's alarms in plain words, nothing to acknowledge
 * @param maxComment the longest comment an acknowledgement keeps
 */
public record AlarmsPage(AlarmsFilter filter, List<Choice> buildings, List<Choice> rules, List<AlarmLine> rows,
                         long total, int pages, List<Message> problems, boolean resident, int maxComment) {

    public record Choice(String value, String label) {

        static Choice of(UUID id, String label) {
            return new Choice(id.toString(), label);
        }
    }

    /** A text of the message bundles with its arguments. */
    public record Message(String key, List<Object> args) {

        public Object[] arguments() {
            return args.toArray();
        }
    }

    /** The first and last row's number on this page, for "21–40 of 113". */
    public long first() {
        return total == 0 ? 0 : (long) (filter.page() - 1) * AlarmsFilter.PAGE_SIZE + 1;
    }

    public long last() {
        return Math.min(total, (long) filter.page() * AlarmsFilter.PAGE_SIZE);
    }
}
