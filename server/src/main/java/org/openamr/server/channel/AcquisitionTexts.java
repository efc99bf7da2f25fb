package org.openamr.server.channel;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a {@link Text} in a language: English for what is stored for the API (messages.properties),
 * the reader's language on the pages.
 */
@Component
public class AcquisitionTexts {

    private final MessageSource messages;

    public AcquisitionTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The API's English sentence. */
    public String english(Text text) {
        return text == null ? null : say(text, Locale.ENGLISH);
    }

    public String say(Text text, Locale locale) {
        if (text.kind() == Text.Kind.LIST) {
            return String.join("; ", text.args().stream().map(a -> say((Text) a, locale)).toList());
        }
        if (text.kind() == Text.Kind.RAW) {
            return (String) text.args().get(0);
        }
        Object[] args = text.args().stream().map(a -> a instanceof Text t ? say(t, locale) : a).toArray();
        return messages.getMessage(text.kind().key(), args, locale);
    }
}
