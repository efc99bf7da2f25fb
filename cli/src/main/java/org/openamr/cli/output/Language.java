package org.openamr.cli.output;

import java.util.Locale;

/** The language of the command line's tables and labels ({@code --lang en|ru}). */
public enum Language {
    EN, RU;

    /** Russian where the system locale is Russian, else English. */
    public static Language ofSystem() {
        return Locale.getDefault().getLanguage().equals("ru") ? RU : EN;
    }

    public boolean russian() {
        return this == RU;
    }
}
