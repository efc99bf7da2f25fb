package org.openamr.server.alarm;

import java.util.Objects;

/** What a kind, a severity or a cause is called, in both languages of the account, for the journal and messages. */
public record Label(String en, String ru) {

    public Label {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ru, "ru");
    }
}
