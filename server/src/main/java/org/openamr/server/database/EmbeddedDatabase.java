package org.openamr.server.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server started from the binaries on the class path, for runs with no database
 * configured. Its data directory is kept between runs, so a demo's history survives a restart.
 *
 * <p>The process that runs it holds a lock file beside the data directory ({@code pgdata.lock} for
 * {@code pgdata}; initdb wants the directory itself empty) for as long as it runs: a PostgreSQL left running on the directory by an owner that was killed (kill -9, a crash)
 * is recognised by that lock being free, and is shut down before ours starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "openamr";
    public static final String USER = "postgres";
    /** The library's own lock, which versions before the owner lock held alone. */
    private static final String LIBRARY_LOCK = "epg-lock";
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final Durability durability;
    /** Null: every local connection is trusted (test clusters only). */
    private final String password;
    /** Where the binaries are unpacked; null: the library's folder under java.io.tmpdir (test clusters only). */
    private final Path binaries;
    private final FileChannel ownerChannel;
    private final FileLock ownerLock;
    private volatile EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(Path dataDirectory, Durability durability, String password, Path binaries,
            FileChannel ownerChannel, FileLock ownerLock) throws IOException {
        this.dataDirectory = dataDirectory;
        this.durability = durability;
        this.password = password;
        this.binaries = binaries;
        this.ownerChannel = ownerChannel;
        this.ownerLock = ownerLock;
        this.postgres = launch(0);
        this.port = postgres.getPort();
    }

    /**
     * The server's and the demo's database: {@link Durability#DURABLE}, and every connection, also
     * from other local accounts, must prove the password kept in {@code passwordFile} (made on first
     * use, readable by its owner only). A data directory of an earlier version, which trusted every
     * local connection, is converted on start. The binaries are unpacked beside the data directory
     * ({@link #binariesOf}), not into the shared temporary folder.
     *
     * @throws IllegalStateException saying which directory could not be used and why, e.g. because
     *         another OpenAMR server runs on it
     */
    public static EmbeddedDatabase forServer(Path dataDirectory, Path passwordFile) {
        return start(dataDirectory, Durability.DURABLE, PasswordFile.readOrCreate(passwordFile),
                binariesOf(dataDirectory));
    }

    /**
     * {@code pg-binaries/unpacked} beside the data directory. The library makes its folder writable for everybody
     * and runs whatever binaries it finds there under the expected name; in the shared temporary folder another
     * local account could put its own {@code postgres} there first and have it run as this server. Here the folder
     * lies in {@code pg-binaries}, which only its owner may enter.
     */
    static Path binariesOf(Path dataDirectory) {
        return dataDirectory.resolveSibling("pg-binaries").resolve("unpacked");
    }

    /**
     * A test cluster: {@link Durability#THROWAWAY} and trusting every local connection, on purpose,
     * as it holds nothing but test data and is made and dropped with the test JVM.
     */
    public static EmbeddedDatabase forTests(Path dataDirectory) {
        return start(dataDirectory, Durability.THROWAWAY, null, null);
    }

    private static EmbeddedDatabase start(Path dataDirectory, Durability durability, String password, Path binaries) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDirectory);
            Path ownerFile = ownerLock(dataDirectory);
            channel = FileChannel.open(ownerFile, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = Files.readString(ownerFile).trim();
                throw new IllegalStateException("another OpenAMR server (process " + (owner.isEmpty() ? "?" : owner)
                        + ") runs on it; stop that one first or give another --data-dir");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            stopOrphan(dataDirectory);
            if (binaries != null) {
                PasswordFile.ownerOnlyDirectory(Files.createDirectories(binaries.getParent()));
            }
            EmbeddedDatabase db = new EmbeddedDatabase(dataDirectory, durability, password, binaries, channel, lock);
            db.protectWithPassword();
            db.createDatabaseIfMissing(DATABASE);
            return db;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDirectory
                    + ": " + rootMessage(e), e);
        }
    }

    static Path ownerLock(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            return null;
        }
    }

    /**
     * A PostgreSQL still running on the directory while we hold the owner lock has lost its owner
     * (killed before it could stop it): it is shut down, or it would keep the directory's lock and
     * refuse our start. One held by the library's own lock belongs to a live server of an earlier
     * version and is left alone.
     */
    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path libraryLock = dataDirectory.resolve(LIBRARY_LOCK);
        if (Files.exists(libraryLock)) {
            try (FileChannel c = FileChannel.open(libraryLock, StandardOpenOption.WRITE)) {
                FileLock l = tryLock(c);
                if (l == null) {
                    throw new IllegalStateException("a running server holds " + libraryLock
                            + "; stop it first or give another --data-dir");
                }
                l.release();
            }
        }
        Optional<ProcessHandle> postmaster = postmaster(pidFile);
        if (postmaster.isEmpty()) {
            return; // a stale file of a crashed PostgreSQL, which PostgreSQL itself replaces
        }
        ProcessHandle orphan = postmaster.get();
        // SIGTERM: PostgreSQL's smart shutdown, a checkpoint and a clean stop; its dead owner's
        // connections are already closed by the operating system
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL left running on it by a stopped OpenAMR (process "
                    + orphan.pid() + ") did not stop within " + ORPHAN_SHUTDOWN.toSeconds()
                    + " s; stop it (kill " + orphan.pid() + ") and start again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL process " + orphan.pid());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The live PostgreSQL named by postmaster.pid; empty when the pid is gone or now something else's. */
    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(first))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe"))
                        .orElse(false));
    }

    private EmbeddedPostgres launch(int onPort) throws IOException {
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                // PostgreSQL's default, made explicit: the loopback interface only, never the network
                .setServerConfig("listen_addresses", "localhost");
        if (onPort > 0) {
            builder.setPort(onPort);
        }
        if (binaries != null) {
            builder.setOverrideWorkingDirectory(binaries.toFile());
            builder.setPgBinaryResolver(new BinariesIn(binaries));
        }
        // after the library's own -F (fsync off) on the command line, so these win
        durability.settings().forEach(builder::setServerConfig);
        if (password != null) {
            builder.setConnectConfig("password", password);
            if (fresh) {
                // initdb's options: the library passes these "locale" settings to initdb as --name=value,
                // after its own "-A trust", so a new cluster never trusts anyone, not even for a moment
                Path pwfile = Files.createTempFile(dataDirectory.getParent(), "pw", ".tmp");
                PasswordFile.ownerOnly(pwfile);
                Files.writeString(pwfile, password + "\n");
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
                try {
                    return builder.start();
                } finally {
                    Files.deleteIfExists(pwfile);
                }
            }
        }
        return builder.start();
    }

    /**
     * Every connection proves the password (scram-sha-256), also through the Unix socket: no other
     * local account can connect as the superuser and bypass the audit triggers. A directory made by an
     * earlier version (trust) gets the password and a new pg_hba.conf, then the running server reloads it.
     */
    private void protectWithPassword() throws IOException {
        if (password == null) {
            return;
        }
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String wanted = """
                # Written by OpenAMR: every connection proves the password kept beside the server's key
                # (database.password in the data directory), with scram-sha-256; no method that lets anyone in without it.
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """;
        if (Files.readString(hba).equals(wanted)) {
            return;
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            // the password is base64url (PasswordFile), so it needs no quoting beyond the literal's
            s.execute("alter role " + USER + " password '" + password + "'");
            Path tmp = Files.createTempFile(dataDirectory, "pg_hba", ".tmp");
            PasswordFile.ownerOnly(tmp);
            Files.writeString(tmp, wanted);
            Files.move(tmp, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the database password: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Durability durability() {
        return durability;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** How the server connects: the superuser with the password (none for a test cluster). */
    public DatabaseConnection connection(String database) {
        return new DatabaseConnection(jdbcUrl(database), USER, password == null ? "" : password);
    }

    public void createDatabaseIfMissing(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name '" + name + "' is not a plain lower-case identifier");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops PostgreSQL and keeps the directory reserved for this process; {@link #startPostgres()}
     * brings it back on the same port, where the data source finds it again (an outage, as a
     * stopped or restarted database is to the server).
     */
    public synchronized void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void startPostgres() {
        try {
            postgres = launch(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                ownerLock.release();
            } catch (IOException ignored) {
                // the channel's close releases it too
            }
            closeQuietly(ownerChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a lock file: nothing to do about a failure
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /**
     * The library's own binaries, under a key of their folder: the library keeps the folder it unpacked to per
     * resolver for the life of the JVM, so with its shared default resolver the first database of a JVM (a test's,
     * in /tmp) would decide where every later one runs its binaries from.
     */
    private record BinariesIn(Path folder) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }
}
