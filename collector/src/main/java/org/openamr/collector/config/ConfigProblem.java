package org.openamr.collector.config;

/** One mistake in a configuration file: where (1-based line and column; 0 when unknown) and why, in two languages. */
public record ConfigProblem(int line, int column, String english, String russian) {

    public String message(boolean russianText) {
        String where = line > 0 ? (russianText ? "строка " + line + ", столбец " + column : "line " + line + ", column " + column)
                : (russianText ? "файл" : "file");
        return where + ": " + (russianText ? russian : english);
    }
}
