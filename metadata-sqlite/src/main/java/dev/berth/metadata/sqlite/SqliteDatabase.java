package dev.berth.metadata.sqlite;

import dev.berth.metadata.jdbc.Database;
import dev.berth.metadata.jdbc.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file in WAL mode: a single writer connection behind a lock (SQLite allows one writer at a time, and
 * queueing in the JVM is cheaper than retrying on SQLITE_BUSY) and a small set of reader connections, which WAL lets
 * read while the writer writes. Commits are synchronous (FULL), so an acknowledged write survives a power cut; writes
 * that arrive together share one commit, so concurrency costs fewer fsyncs.
 */
public final class SqliteDatabase implements Database {
    private static final int READERS = 8;
    private static final int MAX_BATCH = 64;

    private final SQLiteDataSource dataSource;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final Queue<PendingWrite<?>> pending = new ConcurrentLinkedQueue<>();

    public SqliteDatabase(Path file) throws IOException {
        this.dataSource = new SQLiteDataSource(config(false));
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            this.writer = dataSource.getConnection();
            writer.setAutoCommit(false);
            SQLiteDataSource readerSource = new SQLiteDataSource(config(true));
            readerSource.setUrl(dataSource.getUrl());
            for (int i = 0; i < READERS; i++) {
                readers.add(readerSource.getConnection());
            }
        } catch (SQLException e) {
            throw new IOException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The data source the migrations run on. */
    public SQLiteDataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T read(Work<T> work) throws IOException {
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a database connection", e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IOException("metadata read failed: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    /**
     * Runs the work in a transaction shared with whatever other writes are waiting (group commit): whoever holds the
     * write lock runs every queued write, each in its own savepoint, and commits them with one fsync. A write returns
     * only once the transaction holding it has committed, and a failing write is rolled back alone.
     */
    @Override
    public <T> T write(Work<T> work) throws IOException {
        PendingWrite<T> mine = new PendingWrite<>(work);
        pending.add(mine);
        writeLock.lock();
        try {
            while (!mine.isDone()) {
                commitBatch();
            }
        } finally {
            writeLock.unlock();
        }
        return mine.result();
    }

    private void commitBatch() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        PendingWrite<?> next;
        while (batch.size() < MAX_BATCH && (next = pending.poll()) != null) {
            batch.add(next);
        }
        boolean alone = batch.size() == 1;
        for (PendingWrite<?> write : batch) {
            write.run(writer, alone);
        }
        try {
            writer.commit();
            batch.forEach(PendingWrite::committed);
        } catch (SQLException e) {
            rollback();
            batch.forEach(write -> write.failed(e));
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            for (Connection reader : readers) {
                reader.close();
            }
            writer.close();
        } catch (SQLException e) {
            throw new IOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable or there was nothing to undo; the next write will tell
        }
    }

    private static SQLiteConfig config(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setReadOnly(readOnly);
        return config;
    }
}
