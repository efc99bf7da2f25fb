package org.openamr.wmbus.receiver;

/** What a {@link Deframer} found next in its input: a frame, or bytes it dropped and why. */
public sealed interface Deframed<T> {

    /** @param bytes how many input bytes the frame took */
    record Frame<T>(T frame, int bytes) implements Deframed<T> {
    }

    /**
     * @param bytes  how many input bytes were dropped
     * @param detail for a person: what was wrong, e.g. which checksum was expected
     */
    record Skipped<T>(int bytes, SkipReason reason, String detail) implements Deframed<T> {
        public String describe() {
            return reason.jsonName() + ": " + detail + " (" + bytes + " byte" + (bytes == 1 ? "" : "s") + " skipped)";
        }
    }
}
