package org.openamr.server.sql;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A piece of SQL with its named parameters, so that predicates (above all the access predicates of
 * {@code AccessScope} and {@code MeterVisibility}) are combined by {@link #and}, {@link #or} and
 * {@link #format}, which put spaces and parentheses around every part, instead of by string glue: gluing
 * {@code "… and "} to a predicate and {@code "order by …"} once made {@code "… and trueorder by …"}.
 *
 * <p>{@link #toString} is deliberately not SQL, so that a fragment concatenated into a string by mistake
 * fails on its first run instead of working for one role and not another. Parameters of the parts are
 * merged; one name with two different values is an error, not a silent overwrite.
 */
public record Sql(String text, Map<String, Object> params) {

    public static final Sql TRUE = of("true");
    public static final Sql FALSE = of("false");

    public Sql {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty SQL");
        }
        // values may be null (an SQL null), which Map.copyOf does not allow
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static Sql of(String text) {
        return new Sql(text, Map.of());
    }

    public static Sql of(String text, Map<String, ?> params) {
        return new Sql(text, Collections.unmodifiableMap(params));
    }

    /** This SQL with one more named parameter. */
    public Sql param(String name, Object value) {
        return new Sql(text, merge(params, Collections.singletonMap(name, value)));
    }

    /** This SQL with more named parameters. */
    public Sql params(Map<String, ?> more) {
        return new Sql(text, merge(params, more));
    }

    /** True where both are; {@link #TRUE} drops out, so the admin's queries stay as plain as they were. */
    public Sql and(Sql other) {
        if (this.equals(TRUE)) {
            return other;
        }
        if (other.equals(TRUE)) {
            return this;
        }
        if (this.equals(FALSE) || other.equals(FALSE)) {
            return FALSE;
        }
        return new Sql("(" + text + ") and (" + other.text + ")", merge(params, other.params));
    }

    /** True where either is. */
    public Sql or(Sql other) {
        if (this.equals(TRUE) || other.equals(TRUE)) {
            return TRUE;
        }
        if (this.equals(FALSE)) {
            return other;
        }
        if (other.equals(FALSE)) {
            return this;
        }
        return new Sql("(" + text + ") or (" + other.text + ")", merge(params, other.params));
    }

    public Sql not() {
        return new Sql("not (" + text + ")", params);
    }

    /**
     * SQL of {@code template} with each {@code %s} replaced by a part, in parentheses and between spaces,
     * and the parts' parameters merged. The template is the only place text enters unchecked: a literal
     * of the calling code, never input.
     */
    public static Sql format(String template, Sql... parts) {
        Object[] texts = Arrays.stream(parts).map(p -> " (" + p.text + ") ").toArray();
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Sql p : parts) {
            merged = merge(merged, p.params);
        }
        return new Sql(template.formatted(texts), merged);
    }

    /** This SQL followed by {@code more}, with a space between. */
    public Sql then(String more) {
        return new Sql(text + " " + more, params);
    }

    /** A statement of this SQL with its parameters bound; add the query's own with {@code .param}. */
    public JdbcClient.StatementSpec on(JdbcClient jdbc) {
        return jdbc.sql(text).params(params);
    }

    @Override
    public String toString() {
        return "Sql[" + text + "; " + params + "]";
    }

    private static Map<String, Object> merge(Map<String, ?> a, Map<String, ?> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        b.forEach((name, value) -> {
            if (out.containsKey(name) && !Objects.equals(out.get(name), value)) {
                throw new IllegalArgumentException("SQL parameter :" + name + " bound twice, to " + out.get(name)
                        + " and " + value);
            }
            out.put(name, value);
        });
        return out;
    }
}
