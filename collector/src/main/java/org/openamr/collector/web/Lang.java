package org.openamr.collector.web;

import java.util.Locale;
import java.util.Optional;

/** The page's two languages: chosen by {@code ?lang=}, else by the browser's Accept-Language, else English. */
public enum Lang {
    EN, RU;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return empty when {@code ?lang=} names neither language (the caller answers 400) */
    static Optional<Lang> parameter(String value) {
        if ("ru".equalsIgnoreCase(value)) {
            return Optional.of(RU);
        }
        if ("en".equalsIgnoreCase(value)) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** The first of ru and en in the header's order of preference (q-values honoured). */
    static Lang accepted(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String range = r.getRange().toLowerCase(Locale.ROOT);
                if (r.getWeight() > 0 && (range.equals("ru") || range.startsWith("ru-"))) {
                    return RU;
                }
                if (r.getWeight() > 0 && (range.equals("en") || range.startsWith("en-"))) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException e) { // a malformed header is no reason to refuse the page
            return EN;
        }
        return EN;
    }
}
