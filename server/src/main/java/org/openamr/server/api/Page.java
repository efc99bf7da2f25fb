package org.openamr.server.api;

import java.util.List;
import java.util.Map;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of a list: items, the page asked for and the total, so clients can page to the end. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 1000;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * One page of {@code select … fromWhere order by …} and the total of {@code fromWhere}, with one
     * set of named parameters for both, so the count can never filter differently from the page.
     */
    public static <T> Page<T> of(JdbcClient jdbc, String select, String fromWhere, String orderBy,
            Map<String, ?> params, RowMapper<T> rows, int page, int size) {
        check(page, size);
        List<T> items = jdbc.sql(select + fromWhere + " order by " + orderBy + " limit :page_size offset :page_offset")
                .params(params).param("page_size", size).param("page_offset", (long) page * size)
                .query(rows).list();
        long total = jdbc.sql("select count(*) " + fromWhere).params(params).query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    /** {@link #of(JdbcClient, String, String, String, Map, RowMapper, int, int)} of a fragment with its parameters. */
    public static <T> Page<T> of(JdbcClient jdbc, String select, Sql fromWhere, String orderBy, RowMapper<T> rows,
            int page, int size) {
        return of(jdbc, select, " " + fromWhere.text(), orderBy, fromWhere.params(), rows, page, size);
    }

    /** Checks paging parameters from a request. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size must be 1–" + MAX_SIZE + ", was " + size);
        }
    }
}
