package org.openamr.server.reading;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * How {@link ReadingStore} inserts a batch of readings, on its transaction's connection, with the
 * meaning of {@code insert … on conflict (register_id, measured_at) do nothing}: a row whose register
 * and time are already stored (or come earlier in the same batch) is a duplicate and changes nothing.
 *
 * <p>Most rows of a push are new, and for those PostgreSQL's {@code COPY} is several times faster
 * than an insert that checks every row for a conflict. So the batch is split: registers that have
 * no stored reading between their first and last time in the batch cannot conflict, and their rows
 * are copied; rows of the other registers (e.g. monthly values a concentrator sends again with every
 * push) go through the conflict-checking insert. A concurrent transaction can still store one of the
 * copied rows first: the copy then fails with a unique violation, is rolled back to a savepoint, and
 * its rows take the checking insert too. The result is the same as one checking insert of the batch.
 */
final class ReadingCopyWriter {

    private static final String UNIQUE_VIOLATION = "23505";

    private final long[] registers;
    private final Instant[] times;
    private final BigDecimal[] values;
    private final int size;

    ReadingCopyWriter(long[] registers, Instant[] times, BigDecimal[] values) {
        this.registers = registers;
        this.times = times;
        this.values = values;
        this.size = registers.length;
    }

    /** What inserting a batch did: rows new to the table, and rows whose register and time were stored with another value. */
    record Inserted(int inserted, List<StoreResult.Conflict> conflicts) {
    }

    /** @return rows inserted and conflicts; the rest of the batch were duplicates (the same value already stored) */
    Inserted insert(Connection c, ReadingSource source, Long channelId) throws SQLException {
        int[] order = distinctInOrder();
        Set<Long> overlapping = overlapping(c, order);
        int[] fresh = Arrays.stream(order).filter(i -> !overlapping.contains(registers[i])).toArray();
        List<int[]> checked = new ArrayList<>();
        if (fresh.length < order.length) {
            checked.add(Arrays.stream(order).filter(i -> overlapping.contains(registers[i])).toArray());
        }
        int inserted = 0;
        if (fresh.length > 0) {
            Savepoint beforeCopy = c.setSavepoint();
            try {
                inserted += copy(c, fresh, source, channelId);
                c.releaseSavepoint(beforeCopy);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // another transaction stored some of these rows since the check: check each row
                c.rollback(beforeCopy);
                checked.add(fresh);
            }
        }
        List<StoreResult.Conflict> conflicts = new ArrayList<>();
        for (int[] rows : checked) {
            inserted += insertChecked(c, rows, source, channelId);
            conflicts.addAll(conflicts(c, rows));
        }
        return new Inserted(inserted, conflicts);
    }

    /**
     * Rows of a checked insert whose register and time hold another value than theirs: stored before
     * (the rows this insert stored hold their own values). Values compare as numbers: 2.5 and 2.500
     * are one value. Rows left out of the batch as repeats of an earlier row are not checked here:
     * callers reject contradicting values within one batch before storing (see the ingest's assembly).
     */
    private List<StoreResult.Conflict> conflicts(Connection c, int[] rows) throws SQLException {
        Long[] regs = new Long[rows.length];
        Timestamp[] at = new Timestamp[rows.length];
        BigDecimal[] vals = new BigDecimal[rows.length];
        Integer[] index = new Integer[rows.length];
        for (int k = 0; k < rows.length; k++) {
            regs[k] = registers[rows[k]];
            at[k] = Timestamp.from(times[rows[k]]);
            vals[k] = values[rows[k]];
            index[k] = rows[k];
        }
        List<StoreResult.Conflict> found = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                select x.i, s.value from unnest(?::bigint[], ?::timestamptz[], ?::numeric[], ?::int[]) as x(r, t, v, i)
                join reading s on s.register_id = x.r and s.measured_at = x.t
                where s.value <> x.v""")) {
            ps.setArray(1, c.createArrayOf("bigint", regs));
            ps.setArray(2, c.createArrayOf("timestamptz", at));
            ps.setArray(3, c.createArrayOf("numeric", vals));
            ps.setArray(4, c.createArrayOf("int4", index));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = rs.getInt(1);
                    found.add(new StoreResult.Conflict(i, rs.getBigDecimal(2), values[i]));
                }
            }
        }
        return found;
    }

    /**
     * The batch's row indexes sorted by register and time, each register and time once (its first
     * occurrence). One order for every writer also means that concurrent batches wait for each other's
     * rows in the same order and cannot deadlock on them.
     */
    private int[] distinctInOrder() {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.<Integer>comparingLong(i -> registers[i]).thenComparing(i -> times[i]));
        int[] order = new int[size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            int i = boxed[k];
            if (n > 0 && registers[order[n - 1]] == registers[i] && times[order[n - 1]].equals(times[i])) {
                continue;
            }
            order[n++] = i;
        }
        return Arrays.copyOf(order, n);
    }

    /** Registers with a stored reading between their first and last time in the batch. */
    private Set<Long> overlapping(Connection c, int[] order) throws SQLException {
        Map<Long, Instant[]> range = new HashMap<>();
        for (int i : order) {
            Instant[] r = range.get(registers[i]);
            if (r == null) {
                range.put(registers[i], new Instant[] {times[i], times[i]});
            } else {
                r[1] = times[i];
            }
        }
        Long[] ids = new Long[range.size()];
        Timestamp[] from = new Timestamp[ids.length];
        Timestamp[] to = new Timestamp[ids.length];
        int k = 0;
        for (var e : range.entrySet()) {
            ids[k] = e.getKey();
            from[k] = Timestamp.from(e.getValue()[0]);
            to[k] = Timestamp.from(e.getValue()[1]);
            k++;
        }
        Set<Long> found = new HashSet<>();
        try (var ps = c.prepareStatement("""
                select r.id from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) as r(id, lo, hi)
                where exists (select 1 from reading x
                              where x.register_id = r.id and x.measured_at between r.lo and r.hi)""")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            ps.setArray(2, c.createArrayOf("timestamptz", from));
            ps.setArray(3, c.createArrayOf("timestamptz", to));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    private long copyRows(Connection c, int[] rows, ReadingSource source, Long channelId) throws SQLException {
        String tail = "\t" + source.name() + "\t" + (channelId == null ? "\\N" : channelId.toString()) + "\n";
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy reading (register_id, measured_at, value, source, channel_id) from stdin");
        boolean done = false;
        try {
            // streamed in small pieces: a push's rows as one text would be megabytes of garbage
            byte[] buffer = new byte[64 * 1024];
            int used = 0;
            StringBuilder line = new StringBuilder(96);
            for (int i : rows) {
                line.setLength(0);
                line.append(registers[i]).append('\t');
                appendTime(line, times[i]);
                line.append('\t').append(values[i].toPlainString()).append(tail);
                if (used + line.length() > buffer.length) {
                    copy.writeToCopy(buffer, 0, used);
                    used = 0;
                }
                for (int k = 0; k < line.length(); k++) {
                    // every character of a line is ASCII: digits, signs, separators, an enum name
                    buffer[used++] = (byte) line.charAt(k);
                }
            }
            if (used > 0) {
                copy.writeToCopy(buffer, 0, used);
            }
            long copied = copy.endCopy();
            done = true;
            return copied;
        } catch (SQLException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    // the copy's own failure is what the caller must see (e.g. a unique violation)
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        } finally {
            if (!done && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** {@code 2026-01-31 23:45:00+00}: what COPY reads, written without a formatter (one per reading). */
    private static void appendTime(StringBuilder sb, Instant t) {
        long seconds = t.getEpochSecond();
        java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        if (day.getYear() < 1000 || day.getYear() > 9999) {
            sb.append(t);
            return;
        }
        int ofDay = (int) Math.floorMod(seconds, 86_400);
        sb.append(day.getYear()).append('-');
        two(sb, day.getMonthValue()).append('-');
        two(sb, day.getDayOfMonth()).append(' ');
        two(sb, ofDay / 3600).append(':');
        two(sb, ofDay / 60 % 60).append(':');
        two(sb, ofDay % 60);
        if (t.getNano() != 0) {
            String nanos = Integer.toString(1_000_000_000 + t.getNano());
            sb.append('.').append(nanos, 1, nanos.length());
        }
        sb.append("+00");
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private int copy(Connection c, int[] rows, ReadingSource source, Long channelId) throws SQLException {
        return Math.toIntExact(copyRows(c, rows, source, channelId));
    }

    private int insertChecked(Connection c, int[] rows, ReadingSource source, Long channelId) throws SQLException {
        Long[] regs = new Long[rows.length];
        Timestamp[] at = new Timestamp[rows.length];
        BigDecimal[] vals = new BigDecimal[rows.length];
        for (int k = 0; k < rows.length; k++) {
            regs[k] = registers[rows[k]];
            at[k] = Timestamp.from(times[rows[k]]);
            vals[k] = values[rows[k]];
        }
        // one statement for the rows: arrays unnested server-side keep ON CONFLICT per row and are
        // several times faster than JDBC batches of single-row inserts
        Array r = c.createArrayOf("bigint", regs);
        Array t = c.createArrayOf("timestamptz", at);
        Array v = c.createArrayOf("numeric", vals);
        try (var ps = c.prepareStatement("""
                insert into reading (register_id, measured_at, value, source, channel_id)
                select r, t, v, ?, ? from unnest(?::bigint[], ?::timestamptz[], ?::numeric[]) as x(r, t, v)
                on conflict (register_id, measured_at) do nothing""")) {
            ps.setString(1, source.name());
            if (channelId == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, channelId);
            }
            ps.setArray(3, r);
            ps.setArray(4, t);
            ps.setArray(5, v);
            return ps.executeUpdate();
        }
    }
}
