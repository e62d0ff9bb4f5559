package dev.berth.metadata.sqlite;

import dev.berth.metadata.jdbc.Database.Work;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * One write waiting for a group commit: its work, and once run, its result or failure. Run and completed only by
 * the thread holding the write lock; read by its owner after it takes the lock in turn, which orders the two.
 */
final class PendingWrite<T> {
    private final Work<T> work;
    private T value;
    private Exception failure;
    private boolean done;

    PendingWrite(Work<T> work) {
        this.work = work;
    }

    /** Runs the work; unless it is alone in its transaction, inside a savepoint so a failure undoes only itself. */
    void run(Connection connection, boolean alone) {
        Savepoint savepoint = null;
        try {
            savepoint = alone ? null : connection.setSavepoint();
            value = work.run(connection);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
            undo(connection, savepoint);
        }
    }

    void committed() {
        done = true;
    }

    void failed(SQLException commitFailure) {
        if (failure == null) {
            failure = commitFailure;
        }
        done = true;
    }

    boolean isDone() {
        return done;
    }

    T result() throws IOException {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IOException("metadata write failed: " + failure.getMessage(), failure);
        }
        return value;
    }

    private static void undo(Connection connection, Savepoint savepoint) {
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // nothing to undo, or the connection is broken and the commit will say so
        }
    }
}
