package org.openamr.server.registerimport;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** A file that cannot be read as a register at all, with the reason in the reader's language. */
public final class RegisterFileException extends Exception {

    private final transient MessageSourceResolvable reason;

    public RegisterFileException(String code, Object... args) {
        super(code, null, false, false);
        this.reason = new DefaultMessageSourceResolvable(new String[] {code}, args);
    }

    public MessageSourceResolvable reason() {
        return reason;
    }
}
