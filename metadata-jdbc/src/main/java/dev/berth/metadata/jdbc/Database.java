package dev.berth.metadata.jdbc;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to one SQL database, handed out for a unit of work. A dialect decides how: SQLite keeps one writer and
 * a few readers, PostgreSQL a pool. Every {@link SQLException} leaves as an {@link IOException}.
 */
public interface Database extends Closeable {
    /** Runs read-only work on a connection that sees the latest committed state. */
    <T> T read(Work<T> work) throws IOException;

    /** Runs work in one transaction, committed if it returns and rolled back if it throws. */
    <T> T write(Work<T> work) throws IOException;

    /** The dialect's values for the migration placeholders. */
    Dialect dialect();

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
