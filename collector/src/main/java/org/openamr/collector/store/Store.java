package org.openamr.collector.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.MeterFilter;
import org.openamr.collector.readout.ReadoutJson;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The collector's local store: every telegram as received, every decoded readout, and per output its
 * cursor and the batches formed for it. One SQLite file in WAL mode, one connection, one writer at a
 * time (methods are synchronized: inputs and outputs run on their own threads).
 *
 * <p>A batch's number and readouts are committed before the batch is first sent, so a batch sent again
 * after a crash is the same batch. A readout leaves the store only when the size or age cap needs the
 * room: first those every output has confirmed, then telegrams no readout needs, then — counted and
 * logged — the oldest undelivered ones.
 */
public final class Store implements AutoCloseable {

    private static final int CHUNK = 200;
    /** How many writes pass between two checks of the cap: the check costs a few queries. */
    private static final int CAP_CHECK_EVERY = 64;

    private final Path file;
    private final Connection db;
    private final long maxBytes;
    private final Optional<Duration> maxAge;
    private final Clock clock;
    private final EventLog log;
    private final Set<String> outputs = new LinkedHashSet<>();
    private int writesSinceCapCheck;
    private long droppedUndelivered;

    private Store(Path file, Connection db, long maxBytes, Optional<Duration> maxAge, Clock clock, EventLog log) {
        this.file = file;
        this.db = db;
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Opens the store, creating it when missing. A file that is no SQLite database or fails its check is
     * renamed {@code <name>.corrupt-<time>} (with its WAL), reported, and a fresh store is made: the
     * collector keeps collecting, and the damaged file stays for a person to look at.
     */
    public static Store open(Path file, long maxBytes, Optional<Duration> maxAge, Clock clock, EventLog log)
            throws SQLException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            return connect(file, maxBytes, maxAge, clock, log);
        } catch (SQLException e) {
            if (!corrupt(e)) {
                throw e;
            }
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
            Files.move(file, aside);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
                }
            }
            log.warn("store " + file + " is damaged (" + e.getMessage() + "): moved aside to " + aside
                    + ", collecting into a fresh store");
            return connect(file, maxBytes, maxAge, clock, log);
        }
    }

    private static boolean corrupt(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode c = s.getResultCode();
            if (c == SQLiteErrorCode.SQLITE_NOTADB || c == SQLiteErrorCode.SQLITE_CORRUPT) {
                return true;
            }
        }
        return e instanceof CorruptStoreException;
    }

    /** The integrity check found damage. */
    private static final class CorruptStoreException extends SQLException {
        CorruptStoreException(String message) {
            super(message);
        }
    }

    private static Store connect(Path file, long maxBytes, Optional<Duration> maxAge, Clock clock, EventLog log)
            throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
                // Must come before the first table: lets deleted pages go back to the disk.
                s.execute("PRAGMA auto_vacuum=INCREMENTAL");
                try (ResultSet r = s.executeQuery("PRAGMA quick_check")) {
                    String result = r.next() ? r.getString(1) : "no answer";
                    if (!"ok".equals(result)) {
                        throw new CorruptStoreException("integrity check: " + result);
                    }
                }
                s.execute("PRAGMA journal_mode=WAL");
                // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and a
                // telegram acknowledged as stored (and a batch number written before sending) must
                // survive it. The cost is one fsync per commit, small at meter rates.
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE IF NOT EXISTS telegrams(id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " received_at TEXT NOT NULL, input TEXT NOT NULL, receiver TEXT NOT NULL, rssi INTEGER,"
                        + " raw BLOB NOT NULL, outcome TEXT NOT NULL, reason TEXT NOT NULL)");
                // AUTOINCREMENT: ids never come back after deletes, so an output's cursor never skips a readout.
                s.execute("CREATE TABLE IF NOT EXISTS readouts(id INTEGER PRIMARY KEY AUTOINCREMENT, telegram_id INTEGER,"
                        + " input TEXT NOT NULL, serial TEXT NOT NULL, manufacturer TEXT, read_at TEXT NOT NULL,"
                        + " stored_at TEXT NOT NULL, body TEXT NOT NULL)");
                // the cap's clean-up asks, for each readout it deletes, whether its telegram is still needed
                s.execute("CREATE INDEX IF NOT EXISTS readouts_telegram ON readouts(telegram_id)");
                s.execute("CREATE TABLE IF NOT EXISTS outputs(name TEXT PRIMARY KEY, cursor INTEGER NOT NULL,"
                        + " next_sequence INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS batches(output TEXT NOT NULL, sequence INTEGER NOT NULL,"
                        + " created_at TEXT NOT NULL, delivered_at TEXT, via TEXT, for_output TEXT, for_sequence INTEGER,"
                        + " PRIMARY KEY(output, sequence))");
                s.execute("CREATE INDEX IF NOT EXISTS batches_open ON batches(output, delivered_at)");
                s.execute("CREATE TABLE IF NOT EXISTS batch_readouts(output TEXT NOT NULL, sequence INTEGER NOT NULL,"
                        + " readout_id INTEGER NOT NULL, PRIMARY KEY(output, sequence, readout_id))");
                s.execute("CREATE INDEX IF NOT EXISTS batch_readouts_readout ON batch_readouts(readout_id)");
            }
            db.setAutoCommit(false);
            db.commit();
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        Store store = new Store(file, db, maxBytes, maxAge, clock, log);
        store.enforceCap();
        return store;
    }

    public Path file() {
        return file;
    }

    /** The outputs whose confirmations count; one created with its cursor at the start of the store. */
    public synchronized void registerOutputs(Collection<String> names) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO outputs(name, cursor, next_sequence) VALUES (?, 0, 1)")) {
            for (String n : names) {
                p.setString(1, n);
                p.executeUpdate();
            }
        }
        db.commit();
        outputs.clear();
        outputs.addAll(names);
    }

    /**
     * Stores a telegram and the readouts decoded from it in one transaction; returned once on disk.
     *
     * @param telegram null for readouts without a telegram of their own
     * @return the readouts' ids
     */
    public synchronized List<Long> store(StoredTelegram telegram, String input, List<MeterReadout> readouts)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try {
            Long telegramId = null;
            if (telegram != null) {
                try (PreparedStatement p = db.prepareStatement("INSERT INTO telegrams(received_at, input, receiver, rssi, raw,"
                        + " outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    p.setString(1, telegram.receivedAt().toString());
                    p.setString(2, telegram.input());
                    p.setString(3, telegram.receiver());
                    if (telegram.rssiDbm().isPresent()) {
                        p.setInt(4, telegram.rssiDbm().getAsInt());
                    } else {
                        p.setNull(4, java.sql.Types.INTEGER);
                    }
                    p.setBytes(5, telegram.raw());
                    p.setString(6, telegram.outcome());
                    p.setString(7, telegram.reason());
                    p.executeUpdate();
                    telegramId = generatedKey(p);
                }
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO readouts(telegram_id, input, serial, manufacturer,"
                    + " read_at, stored_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (MeterReadout r : readouts) {
                    if (telegramId == null) {
                        p.setNull(1, java.sql.Types.INTEGER);
                    } else {
                        p.setLong(1, telegramId);
                    }
                    p.setString(2, input);
                    p.setString(3, r.meter().serial());
                    p.setString(4, r.meter().manufacturer().orElse(null));
                    p.setString(5, r.readAt().toString());
                    p.setString(6, clock.instant().toString());
                    p.setString(7, ReadoutJson.write(r));
                    p.executeUpdate();
                    ids.add(generatedKey(p));
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        if (++writesSinceCapCheck >= CAP_CHECK_EVERY) {
            enforceCap();
        }
        return ids;
    }

    private static long generatedKey(PreparedStatement p) throws SQLException {
        try (ResultSet k = p.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    /**
     * The output's oldest unconfirmed batch of its own, or a new one of up to {@code max} readouts the
     * filter accepts, written before it is returned; empty when there is nothing to send.
     */
    public synchronized Optional<PendingBatch> nextBatch(String output, MeterFilter filter, int max) throws SQLException {
        try {
            Optional<PendingBatch> open = openBatch(output);
            if (open.isPresent()) {
                return open;
            }
            long cursor;
            long sequence;
            try (PreparedStatement p = db.prepareStatement("SELECT cursor, next_sequence FROM outputs WHERE name = ?")) {
                p.setString(1, output);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("output " + output + " is not registered in the store");
                    }
                    cursor = r.getLong(1);
                    sequence = r.getLong(2);
                }
            }
            List<Long> ids = new ArrayList<>();
            List<MeterReadout> readouts = new ArrayList<>();
            long examined = cursor;
            try (PreparedStatement p = db.prepareStatement("SELECT id, body FROM readouts WHERE id > ? ORDER BY id LIMIT ?")) {
                boolean more = true;
                while (more && ids.size() < max) {
                    p.setLong(1, examined);
                    p.setInt(2, Math.max(max, CHUNK));
                    more = false;
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next() && ids.size() < max) {
                            more = true;
                            examined = r.getLong(1);
                            MeterReadout m = ReadoutJson.read(r.getString(2));
                            if (filter.accepts(m.meter())) {
                                ids.add(examined);
                                readouts.add(m);
                            }
                        }
                    }
                }
            }
            if (examined == cursor) {
                return Optional.empty();
            }
            try (PreparedStatement p = db.prepareStatement("UPDATE outputs SET cursor = ?, next_sequence = ? WHERE name = ?")) {
                p.setLong(1, examined);
                p.setLong(2, ids.isEmpty() ? sequence : sequence + 1);
                p.setString(3, output);
                p.executeUpdate();
            }
            if (ids.isEmpty()) {
                db.commit(); // nothing for this output among them: only the cursor moves
                return Optional.empty();
            }
            insertBatch(output, sequence, ids, null);
            db.commit();
            return Optional.of(new PendingBatch(output, sequence, ids, readouts));
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    private Optional<PendingBatch> openBatch(String output) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT sequence FROM batches WHERE output = ? AND delivered_at IS NULL"
                + " AND for_output IS NULL ORDER BY sequence LIMIT 1")) {
            p.setString(1, output);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(loadBatch(output, r.getLong(1)));
            }
        }
    }

    private PendingBatch loadBatch(String output, long sequence) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<MeterReadout> readouts = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT r.id, r.body FROM batch_readouts b JOIN readouts r"
                + " ON r.id = b.readout_id WHERE b.output = ? AND b.sequence = ? ORDER BY r.id")) {
            p.setString(1, output);
            p.setLong(2, sequence);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                    readouts.add(ReadoutJson.read(r.getString(2)));
                }
            }
        }
        return new PendingBatch(output, sequence, ids, readouts);
    }

    private void insertBatch(String output, long sequence, List<Long> ids, PendingBatch forBatch) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO batches(output, sequence, created_at, for_output,"
                + " for_sequence) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, output);
            p.setLong(2, sequence);
            p.setString(3, clock.instant().toString());
            p.setString(4, forBatch == null ? null : forBatch.output());
            if (forBatch == null) {
                p.setNull(5, java.sql.Types.INTEGER);
            } else {
                p.setLong(5, forBatch.sequence());
            }
            p.executeUpdate();
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO batch_readouts(output, sequence, readout_id) VALUES (?, ?, ?)")) {
            for (long id : ids) {
                p.setString(1, output);
                p.setLong(2, sequence);
                p.setLong(3, id);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * The batch that carries {@code primary}'s readouts to {@code backup}, numbered in the backup's own
     * sequence: made and written the first time, the same one every later time (after a crash too).
     */
    public synchronized PendingBatch backupBatch(String backup, PendingBatch primary) throws SQLException {
        try {
            try (PreparedStatement p = db.prepareStatement("SELECT sequence FROM batches WHERE output = ? AND for_output = ?"
                    + " AND for_sequence = ?")) {
                p.setString(1, backup);
                p.setString(2, primary.output());
                p.setLong(3, primary.sequence());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        return new PendingBatch(backup, r.getLong(1), primary.readoutIds(), primary.readouts());
                    }
                }
            }
            long sequence;
            try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO outputs(name, cursor, next_sequence) VALUES (?, 0, 1)")) {
                p.setString(1, backup);
                p.executeUpdate();
            }
            try (PreparedStatement p = db.prepareStatement("SELECT next_sequence FROM outputs WHERE name = ?")) {
                p.setString(1, backup);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    sequence = r.getLong(1);
                }
            }
            try (PreparedStatement p = db.prepareStatement("UPDATE outputs SET next_sequence = ? WHERE name = ?")) {
                p.setLong(1, sequence + 1);
                p.setString(2, backup);
                p.executeUpdate();
            }
            insertBatch(backup, sequence, primary.readoutIds(), primary);
            db.commit();
            return new PendingBatch(backup, sequence, primary.readoutIds(), primary.readouts());
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    /**
     * Marks the batch confirmed, by its own destination or (when {@code via} is not null) by the backup
     * batch that carried it: both are closed, so the readouts count as delivered once.
     */
    public synchronized void delivered(PendingBatch batch, PendingBatch via) throws SQLException {
        String at = clock.instant().toString();
        try (PreparedStatement p = db.prepareStatement("UPDATE batches SET delivered_at = ?, via = ? WHERE output = ? AND sequence = ?")) {
            p.setString(1, at);
            p.setString(2, via == null ? batch.output() : via.output());
            p.setString(3, batch.output());
            p.setLong(4, batch.sequence());
            p.executeUpdate();
            if (via != null) {
                p.setString(1, at);
                p.setString(2, via.output());
                p.setString(3, via.output());
                p.setLong(4, via.sequence());
                p.executeUpdate();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    /** Readouts not yet confirmed by the output: in its open batches, or not yet in a batch (before its filter). */
    public synchronized long queueDepth(String output) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT (SELECT count(*) FROM readouts WHERE id > (SELECT cursor FROM outputs"
                + " WHERE name = ?)) + (SELECT count(*) FROM batch_readouts br JOIN batches b ON b.output = br.output AND"
                + " b.sequence = br.sequence WHERE b.output = ? AND b.delivered_at IS NULL AND b.for_output IS NULL)")) {
            p.setString(1, output);
            p.setString(2, output);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Every readout in the store with its id, oldest first. */
    public synchronized Map<Long, MeterReadout> readouts() throws SQLException {
        Map<Long, MeterReadout> all = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, body FROM readouts ORDER BY id")) {
            while (r.next()) {
                all.put(r.getLong(1), ReadoutJson.read(r.getString(2)));
            }
        }
        return all;
    }

    /** Telegrams stored, by outcome. */
    public synchronized Map<String, Long> telegramCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT outcome, count(*) FROM telegrams GROUP BY outcome ORDER BY outcome")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    /** Bytes the data take in the file (free pages not counted: SQLite reuses them). */
    public synchronized long usedBytes() throws SQLException {
        try (Statement s = db.createStatement()) {
            long pages = single(s, "PRAGMA page_count");
            long free = single(s, "PRAGMA freelist_count");
            long size = single(s, "PRAGMA page_size");
            return (pages - free) * size;
        }
    }

    /** Undelivered readouts the cap has had to drop since the store was opened. */
    public synchronized long droppedUndelivered() {
        return droppedUndelivered;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Keeps the store under its size and age caps. Never throws for lack of room: it deletes, in this
     * order, readouts every output confirmed, telegrams no readout needs, then the oldest undelivered
     * readouts (whole batches, so that no batch number is ever sent with other readouts), logging how many.
     */
    public synchronized void enforceCap() throws SQLException {
        writesSinceCapCheck = 0;
        Optional<String> cutoff = maxAge.map(a -> clock.instant().minus(a).toString());
        boolean freed = false;
        try {
            if (cutoff.isPresent()) { // age first: everything past it goes, delivered or not
                while (deleteDelivered(cutoff) + deleteTelegrams(cutoff) > 0) {
                    freed = true;
                }
                long dropped = 0;
                for (long n = dropUndelivered(cutoff); n > 0; n = dropUndelivered(cutoff)) {
                    dropped += n;
                }
                if (dropped > 0) {
                    freed = true;
                    log.warn("store: dropped " + dropped + " undelivered readouts older than " + maxAge.get());
                }
            }
            long dropped = 0;
            while (usedBytes() > maxBytes) {
                long n = deleteDelivered(Optional.empty());
                if (n == 0) {
                    n = deleteTelegrams(Optional.empty());
                }
                if (n == 0) {
                    n = dropUndelivered(Optional.empty());
                    dropped += n;
                }
                if (n == 0) {
                    break; // nothing left to delete: the schema alone is over the cap
                }
                freed = true;
            }
            if (dropped > 0) {
                log.warn("store: over its cap of " + maxBytes + " bytes, dropped the " + dropped
                        + " oldest undelivered readouts");
            }
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        if (freed) {
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA incremental_vacuum");
            } finally {
                db.setAutoCommit(false);
            }
        }
    }

    private long minCursor() throws SQLException {
        if (outputs.isEmpty()) {
            return Long.MAX_VALUE; // no destination: everything kept counts as done
        }
        StringJoiner in = new StringJoiner(",", "(", ")");
        outputs.forEach(o -> in.add("?"));
        try (PreparedStatement p = db.prepareStatement("SELECT min(cursor) FROM outputs WHERE name IN " + in)) {
            int i = 1;
            for (String o : outputs) {
                p.setString(i++, o);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private long deleteDelivered(Optional<String> cutoff) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT id FROM readouts r WHERE id <= ? AND NOT EXISTS (SELECT 1 FROM"
                + " batch_readouts br JOIN batches b ON b.output = br.output AND b.sequence = br.sequence"
                + " WHERE br.readout_id = r.id AND b.delivered_at IS NULL)" + (cutoff.isPresent() ? " AND stored_at < ?" : "")
                + " ORDER BY id LIMIT " + CHUNK)) {
            p.setLong(1, minCursor());
            if (cutoff.isPresent()) {
                p.setString(2, cutoff.get());
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        deleteReadouts(ids);
        db.commit();
        return ids.size();
    }

    private void deleteReadouts(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement t = db.prepareStatement("DELETE FROM telegrams WHERE id = (SELECT telegram_id FROM readouts WHERE id = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM readouts o WHERE o.telegram_id = telegrams.id AND o.id <> ?)");
             PreparedStatement br = db.prepareStatement("DELETE FROM batch_readouts WHERE readout_id = ?");
             PreparedStatement r = db.prepareStatement("DELETE FROM readouts WHERE id = ?")) {
            for (long id : ids) {
                t.setLong(1, id);
                t.setLong(2, id);
                t.executeUpdate();
                br.setLong(1, id);
                br.executeUpdate();
                r.setLong(1, id);
                r.executeUpdate();
            }
        }
        try (Statement s = db.createStatement()) { // confirmed batches whose readouts are all gone
            s.executeUpdate("DELETE FROM batches WHERE delivered_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM batch_readouts br"
                    + " WHERE br.output = batches.output AND br.sequence = batches.sequence)");
        }
    }

    private long deleteTelegrams(Optional<String> cutoff) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM telegrams WHERE id IN (SELECT id FROM telegrams t WHERE NOT EXISTS"
                + " (SELECT 1 FROM readouts r WHERE r.telegram_id = t.id)" + (cutoff.isPresent() ? " AND received_at < ?" : "")
                + " ORDER BY id LIMIT " + CHUNK + ")")) {
            if (cutoff.isPresent()) {
                p.setString(1, cutoff.get());
            }
            int n = p.executeUpdate();
            db.commit();
            return n;
        }
    }

    /** The oldest readouts still owed to some output, with every open batch that holds one of them. */
    private long dropUndelivered(Optional<String> cutoff) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement p = db.prepareStatement("SELECT id FROM readouts" + (cutoff.isPresent() ? " WHERE stored_at < ?" : "")
                + " ORDER BY id LIMIT " + CHUNK)) {
            if (cutoff.isPresent()) {
                p.setString(1, cutoff.get());
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // Whole open batches go: a batch number must never be sent with fewer readouts than it was made with.
        List<long[]> batches = new ArrayList<>();
        List<String> batchOutputs = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT DISTINCT b.output, b.sequence FROM batch_readouts br JOIN batches b"
                + " ON b.output = br.output AND b.sequence = br.sequence WHERE br.readout_id = ? AND b.delivered_at IS NULL")) {
            for (long id : ids) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        batchOutputs.add(r.getString(1));
                        batches.add(new long[] {r.getLong(2)});
                    }
                }
            }
        }
        String at = clock.instant().toString();
        try (PreparedStatement members = db.prepareStatement("SELECT readout_id FROM batch_readouts WHERE output = ? AND sequence = ?");
             PreparedStatement close = db.prepareStatement("UPDATE batches SET delivered_at = ?, via = 'dropped' WHERE"
                     + " (output = ? AND sequence = ?) OR (for_output = ? AND for_sequence = ?)")) {
            for (int i = 0; i < batches.size(); i++) {
                members.setString(1, batchOutputs.get(i));
                members.setLong(2, batches.get(i)[0]);
                try (ResultSet r = members.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                close.setString(1, at);
                close.setString(2, batchOutputs.get(i));
                close.setLong(3, batches.get(i)[0]);
                close.setString(4, batchOutputs.get(i));
                close.setLong(5, batches.get(i)[0]);
                close.executeUpdate();
            }
        }
        deleteReadouts(new ArrayList<>(ids));
        db.commit();
        droppedUndelivered += ids.size();
        return ids.size();
    }

    @Override
    public synchronized void close() {
        try {
            if (!db.isClosed()) {
                db.commit();
                try (Statement s = db.createStatement()) {
                    db.setAutoCommit(true);
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                db.close();
            }
        } catch (SQLException e) {
            log.warn("store " + file + ": closing: " + e.getMessage());
        }
    }
}
