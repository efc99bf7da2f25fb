package org.openamr.mbus.profile;

/**
 * What a device profile says a record is: a stable name for programs and labels for people.
 *
 * @param name    e.g. {@code heatingEnergy}, {@code pulseInput1Volume}
 * @param labelEn English label
 * @param labelRu Russian label
 */
public record RecordMeaning(String name, String labelEn, String labelRu) {
}
