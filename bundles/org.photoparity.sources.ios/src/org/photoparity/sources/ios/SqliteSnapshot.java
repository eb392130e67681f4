package org.photoparity.sources.ios;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A private copy of an SQLite database, taken before it is read. SQLite writes beside a database even to read it
 * (it creates -shm, may replay or delete a -wal, rolls back a hot -journal), so the user's files are never opened
 * by SQLite at all: the database and its -wal (or -journal) are copied into a temporary folder, the copy is opened
 * with query_only set, and the folder is deleted on close. A lock held by another process does not stop the copy, and committed pages still in the -wal
 * are included; an uncommitted transaction left in a -journal is rolled back in the copy. The -shm is not copied on purpose: it is only an index of the -wal, which SQLite rebuilds from the
 * -wal itself, and a stale one copied mid-write could point at frames that are not there.
 */
final class SqliteSnapshot implements AutoCloseable {

    /** Prefix of the private copies' folders in the temp folder. */
    static final String TEMP_PREFIX = "photoparity-sqlite-";
    /** A query on a copy running longer than this is stopped (a recursive view, a crafted database). */
    static final String TIMEOUT_PROPERTY = "photoparity.sqlite.timeoutSeconds";
    private static final long DEFAULT_TIMEOUT_SECONDS = 600;
    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        try {
            // Ctrl-C: the copies of the user's database do not outlive the run
            Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(SqliteSnapshot::deleteTree),
                    "photoparity-sqlite-cleanup"));
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private final Path original;
    private final Path tempDir;
    private final Connection connection;
    private java.nio.channels.FileChannel lockChannel;
    private final Map<String, Set<String>> columns = new HashMap<>();

    private SqliteSnapshot(Path original, Path tempDir, Connection connection) {
        this.original = original;
        this.tempDir = tempDir;
        this.connection = connection;
    }

    /**
     * Copies {@code db} (and {@code wal} / {@code journal} when given and present) and opens the copy.
     *
     * @param what how to name the file in errors ("Photos.sqlite", "Manifest.db")
     */
    static SqliteSnapshot open(Path db, Path wal, Path journal, String what) throws IOException {
        if (!Files.isRegularFile(db)) {
            throw new IOException(db + ": no such file. Give the path of the " + what + " file itself.");
        }
        if (!Files.isReadable(db)) {
            throw new IOException(db + " cannot be read (permissions): copy it somewhere readable and try again.");
        }
        removeStaleCopies();
        Path tempDir = Files.createTempDirectory(TEMP_PREFIX);
        OPEN.add(tempDir);
        java.nio.channels.FileChannel lock = null;
        try {
            // held while the copy is in use: a copy whose lock is free belongs to a run that was killed
            lock = java.nio.channels.FileChannel.open(tempDir.resolve("lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            lock.lock();
            Path copy = tempDir.resolve("db.sqlite");
            // the -wal first: a writer checkpointing meanwhile only moves pages into the main file we copy next
            if (wal != null && Files.isRegularFile(wal)) {
                Files.copy(wal, tempDir.resolve("db.sqlite-wal"), StandardCopyOption.COPY_ATTRIBUTES);
            }
            if (journal != null && Files.isRegularFile(journal)) {
                Files.copy(journal, tempDir.resolve("db.sqlite-journal"), StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.copy(db, copy, StandardCopyOption.COPY_ATTRIBUTES);
            // the private copy is opened writable so SQLite can replay its -wal or roll back a hot -journal (what a
            // reader of the original would see); query_only then refuses any write to it
            SQLiteConfig config = new SQLiteConfig();
            Connection c = config.createConnection("jdbc:sqlite:" + copy.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only = 1");
            }
            long limit = TimeUnitSeconds.nanos(Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS));
            long start = System.nanoTime();
            org.sqlite.ProgressHandler.setHandler(c, 10_000, new org.sqlite.ProgressHandler() {
                @Override
                protected int progress() {
                    return System.nanoTime() - start > limit ? 1 : 0;
                }
            });
            SqliteSnapshot s = new SqliteSnapshot(db, tempDir, c);
            s.lockChannel = lock;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            } catch (SQLException e) {
                s.close();
                throw new IOException(db + " is not a readable SQLite " + what + " (" + e.getMessage()
                        + "). If it came from an encrypted backup or was cut short, copy it again from the source.", e);
            }
            return s;
        } catch (IOException e) {
            closeQuietly(lock);
            deleteTree(tempDir);
            OPEN.remove(tempDir);
            throw e;
        } catch (SQLException e) {
            closeQuietly(lock);
            deleteTree(tempDir);
            OPEN.remove(tempDir);
            throw new IOException(db + " could not be opened as SQLite " + what + ": " + e.getMessage(), e);
        }
    }

    /** Seconds to nanoseconds without overflow. */
    private static final class TimeUnitSeconds {
        static long nanos(long seconds) {
            return java.util.concurrent.TimeUnit.SECONDS.toNanos(Math.max(1, seconds));
        }
    }

    private static void closeQuietly(java.nio.channels.FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException e) {
            // only a lock
        }
    }

    /**
     * Deletes private copies that a killed run left in the temp folder: their lock is free.
     */
    static void removeStaleCopies() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, TEMP_PREFIX + "*")) {
            for (Path d : ds) {
                if (OPEN.contains(d) || !Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                Path lockFile = d.resolve("lock");
                if (!Files.exists(lockFile)) {
                    // a copy from before locks, or one being created this instant: only old ones go
                    if (System.currentTimeMillis() - Files.getLastModifiedTime(d).toMillis() > 86_400_000L) {
                        deleteTree(d);
                    }
                    continue;
                }
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    java.nio.channels.FileLock l = ch.tryLock();
                    if (l == null) continue; // a live run holds it
                    l.release();
                } catch (java.nio.channels.OverlappingFileLockException | IOException e) {
                    continue;
                }
                deleteTree(d);
            }
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /**
     * Names of the tables of an SQLite file, read in place but as immutable: SQLite then takes no lock and creates
     * no -shm or -journal, so the file and its folder are untouched. Only for a quick look (a -wal is ignored).
     */
    static Set<String> tableNames(Path file) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        String uri = file.toAbsolutePath().toUri().toString() + "?mode=ro&immutable=1";
        Set<String> names = new LinkedHashSet<>();
        try (Connection c = config.createConnection("jdbc:sqlite:" + uri);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) names.add(rs.getString(1).toUpperCase(Locale.ROOT));
        } catch (SQLException e) {
            throw new IOException(file + " could not be read as SQLite: " + e.getMessage(), e);
        }
        return names;
    }

    /** True when the file starts with the SQLite 3 header. */
    static boolean hasSqliteHeader(Path file) {
        if (!Files.isRegularFile(file)) return false;
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return java.util.Arrays.equals(head, magic);
        } catch (IOException e) {
            return false;
        }
    }

    Path original() {
        return original;
    }

    Connection connection() {
        return connection;
    }

    /** Column names of a table (upper case), empty when the table does not exist. */
    Set<String> columns(String table) throws SQLException {
        Set<String> cached = columns.get(table);
        if (cached != null) return cached;
        Set<String> names = new LinkedHashSet<>();
        // PRAGMA takes no bind parameters; table names come from our own constants only
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) names.add(rs.getString("name").toUpperCase(Locale.ROOT));
        }
        Set<String> result = Collections.unmodifiableSet(names);
        columns.put(table, result);
        return result;
    }

    /** True when {@code table} is a table (a view of the same name, which may never finish, is not). */
    boolean hasTable(String table) throws SQLException {
        try (java.sql.PreparedStatement ps = connection
                .prepareStatement("SELECT type FROM sqlite_master WHERE upper(name) = upper(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "table".equalsIgnoreCase(rs.getString(1)) && !columns(table).isEmpty();
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the copy is deleted below either way
        }
        closeQuietly(lockChannel);
        deleteTree(tempDir);
        OPEN.remove(tempDir);
    }

    static void deleteTree(Path dir) {
        try {
            if (!Files.exists(dir)) return;
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temp copy left behind is harmless; the OS cleans its temp folder
        }
    }
}
