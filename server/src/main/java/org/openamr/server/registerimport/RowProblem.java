package org.openamr.server.registerimport;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What is wrong with a row: where (row, column), what was written and why it cannot be imported.
 *
 * @param column null when the row as a whole is wrong
 */
public record RowProblem(int line, RegisterColumn column, String value, MessageSourceResolvable reason) {

    static RowProblem of(int line, RegisterColumn column, String value, String code, Object... args) {
        return new RowProblem(line, column, value, new DefaultMessageSourceResolvable(new String[] {code}, args));
    }
}
