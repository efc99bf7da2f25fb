package org.openamr.server.web.acquisition;

/**
 * A text of the server (a job's message, a run's message, a meter's error) as a page shows it: in the
 * reader's language, or, for what was stored before the server kept its texts as kinds, in English.
 *
 * @param lang {@code en} when the text is the stored English sentence, null when it is in the page's language
 */
public record Said(String text, String lang) {
}
