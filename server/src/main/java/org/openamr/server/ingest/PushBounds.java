package org.openamr.server.ingest;

import java.math.BigDecimal;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.mbus.quantity.Quantity;

/**
 * What a pushed value or meter header may be, whatever the format: checks shared by the Solvimus and
 * the readouts reader. A part outside these bounds is rejected with the reason; the rest of the push
 * is stored.
 */
final class PushBounds {

    /**
     * The highest storage number accepted. EN 13757-3 codes it in the DIF bit and up to ten DIFEs (41 bits
     * in theory), but real meters number their history (monthly and yearly values, load profiles) in the
     * hundreds or low thousands; 2^17 − 1 (the DIF bit and four DIFEs) leaves ample room for those and
     * refuses numbers that only a corrupt or hostile sender produces. Solvimus' OBIS suffix gives at
     * most 256.
     */
    static final long MAX_STORAGE = (1L << 17) - 1;
    /** Tariff numbers: two bits per DIFE, so ten DIFEs give 20 bits. */
    static final int MAX_TARIFF = (1 << 20) - 1;
    /** Subunits: one bit per DIFE, so ten DIFEs give 10 bits. */
    static final int MAX_SUBUNIT = (1 << 10) - 1;
    /** Conditions one meter may report in one readout. */
    static final int MAX_CONDITIONS = 64;
    /** Length of a condition's code. */
    static final int MAX_CODE = 64;
    /** Length of a condition's label (each language). */
    static final int MAX_LABEL = 200;
    /** Length of what the document says about its sender (kept in ingest_push.sender). */
    static final int MAX_SENDER = 200;
    /**
     * Length of a register's qualifier. A meter's qualifier is at most ten VIFEs' names (the longest,
     * INCREMENT_PER_OUTPUT_PULSE, has 26 characters) joined by "+", 269 characters: every register a
     * meter can have fits, and the register table's key stays small.
     */
    static final int MAX_QUALIFIER = 300;
    /** Length of a meter number. */
    static final int MAX_METER_NUMBER = 64;

    private PushBounds() {
    }

    /**
     * Why a meter number cannot be one, or null: 1 to 64 characters, none of them a space, a control
     * character or an invisible formatting character (bidi overrides such as U+202E, zero-width
     * characters), which would make one number look like another on every page and export.
     */
    static String meterNumberProblem(String field, String number) {
        if (number == null || number.isBlank()) {
            return field + " is missing or empty";
        }
        String n = number.strip();
        if (n.length() > MAX_METER_NUMBER) {
            return field + " has " + n.length() + " characters; a meter number has at most " + MAX_METER_NUMBER;
        }
        for (int i = 0; i < n.length(); ) {
            int c = n.codePointAt(i);
            if (!visible(c)) {
                return field + " contains the invisible or control character U+"
                        + String.format("%04X", c) + " at position " + (i + 1)
                        + "; a meter number has only visible characters and no spaces";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean visible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Why a text of a condition or a register's qualifier cannot be kept, or null. */
    static String textProblem(String field, String text, int max) {
        if (text.length() > max) {
            return field + " has " + text.length() + " characters; at most " + max + " are accepted";
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c != ' ' && !visible(c)) {
                return field + " contains the invisible or control character U+" + String.format("%04X", c);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** Why a register's value cannot be a reading of it, or null: counters and durations never go below zero. */
    static String valueProblem(RegisterKey key, BigDecimal value) {
        if (value.signum() < 0 && (key.cumulative() || key.quantity() == Quantity.OPERATING_TIME
                || key.quantity() == Quantity.ON_TIME)) {
            return "value " + value.toPlainString() + " is negative, but " + key.quantity()
                    + " is a counter that never goes below zero";
        }
        return null;
    }
}
