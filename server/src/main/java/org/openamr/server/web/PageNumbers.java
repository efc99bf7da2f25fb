package org.openamr.server.web;

/**
 * Page numbers as the pages' addresses carry them: from 1, as people count. Read from text, so that a
 * mistyped address gets a page rather than a binding error.
 */
public final class PageNumbers {

    private PageNumbers() {
    }

    /** The page number, or 0 when the text is none: not a whole number of 1 or more. Blank is page 1. */
    public static int parse(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** How many pages {@code total} items fill, at least one (an empty list is one empty page). */
    public static int count(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
