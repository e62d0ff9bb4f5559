package dev.berth.metadata.jdbc;

import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunStatus;
import dev.berth.core.spi.RunStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs in the {@code runs} table; the queue is its Queued rows in {@code seq} order. */
final class JdbcRunStore implements RunStore {
    private final Database database;

    JdbcRunStore(Database database) {
        this.database = database;
    }

    @Override
    public long nextNumber(long registryId) throws IOException {
        return database.write(c -> {
            if (Sql.update(c, "UPDATE run_counters SET last_number = last_number + 1 WHERE registry_id = ?", registryId)
                    == 0) {
                Sql.update(c, "INSERT INTO run_counters (registry_id, last_number) VALUES (?, 1)", registryId);
            }
            return Sql.first(
                            c,
                            "SELECT last_number FROM run_counters WHERE registry_id = ?",
                            row -> row.getLong(1),
                            registryId)
                    .orElseThrow();
        });
    }

    @Override
    public void insert(Run run) throws IOException {
        database.write(c -> Sql.update(c, RunRows.INSERT, RunRows.values(run)));
    }

    @Override
    public Optional<Run> find(long registryId, String runId) throws IOException {
        return database.read(c -> find(c, registryId, runId));
    }

    private static Optional<Run> find(Connection c, long registryId, String runId) throws SQLException {
        return Sql.first(c, RunRows.SELECT + "WHERE registry_id = ? AND run_id = ?", RunRows::run, registryId, runId);
    }

    @Override
    public List<Run> list(long registryId, Optional<RunStatus> status, int top) throws IOException {
        List<Object> params = new ArrayList<>(List.of(registryId));
        String where = "WHERE registry_id = ? ";
        if (status.isPresent()) {
            where += "AND status = ? ";
            params.add(status.get().text());
        }
        params.add(top);
        String sql = RunRows.SELECT + where + "ORDER BY seq DESC LIMIT ?";
        return database.read(c -> Sql.query(c, sql, RunRows::run, params.toArray()));
    }

    @Override
    public Optional<Run> claim(String agent, Instant now, Instant leaseUntil) throws IOException {
        return database.write(c -> {
            Optional<Long> oldest = Sql.first(
                    c,
                    "SELECT seq FROM runs WHERE status = ? ORDER BY seq LIMIT 1",
                    row -> row.getLong(1),
                    RunStatus.QUEUED.text());
            if (oldest.isEmpty()) {
                return Optional.empty();
            }
            int claimed = Sql.update(
                    c,
                    "UPDATE runs SET status = ?, started_at = ?, updated_at = ?, agent = ?, lease_until = ?"
                            + " WHERE seq = ? AND status = ?",
                    RunStatus.RUNNING.text(),
                    now.toEpochMilli(),
                    now.toEpochMilli(),
                    agent,
                    leaseUntil.toEpochMilli(),
                    oldest.get(),
                    RunStatus.QUEUED.text());
            if (claimed == 0) {
                return Optional.empty();
            }
            return Sql.first(c, RunRows.SELECT + "WHERE seq = ?", RunRows::run, oldest.get());
        });
    }

    @Override
    public Optional<Run> renew(long registryId, String runId, String agent, Instant leaseUntil) throws IOException {
        return database.write(c -> {
            int renewed = Sql.update(
                    c,
                    "UPDATE runs SET lease_until = ? WHERE registry_id = ? AND run_id = ? AND agent = ?"
                            + " AND status = ?",
                    leaseUntil.toEpochMilli(),
                    registryId,
                    runId,
                    agent,
                    RunStatus.RUNNING.text());
            return renewed == 0 ? Optional.<Run>empty() : find(c, registryId, runId);
        });
    }

    @Override
    public boolean finish(Run run) throws IOException {
        return database.write(c -> Sql.update(
                        c,
                        "UPDATE runs SET status = ?, finished_at = ?, updated_at = ?, output_images = ?,"
                                + " error_message = ?, lease_until = NULL WHERE registry_id = ? AND run_id = ?"
                                + " AND status = ? AND agent = ?",
                        run.status().text(),
                        RunRows.millis(run.finished()),
                        run.updated().toEpochMilli(),
                        RunRows.outputs(run.outputImages()),
                        run.errorMessage(),
                        run.registryId(),
                        run.id(),
                        RunStatus.RUNNING.text(),
                        run.agent().orElse(""))
                > 0);
    }

    @Override
    public Optional<Run> cancel(long registryId, String runId, Instant now) throws IOException {
        long at = now.toEpochMilli();
        return database.write(c -> {
            Sql.update(
                    c,
                    "UPDATE runs SET status = ?, finished_at = ?, updated_at = ? WHERE registry_id = ? AND run_id = ?"
                            + " AND status = ?",
                    RunStatus.CANCELED.text(),
                    at,
                    at,
                    registryId,
                    runId,
                    RunStatus.QUEUED.text());
            Sql.update(
                    c,
                    "UPDATE runs SET cancel_requested = ?, updated_at = ? WHERE registry_id = ? AND run_id = ?"
                            + " AND status = ?",
                    true,
                    at,
                    registryId,
                    runId,
                    RunStatus.RUNNING.text());
            return find(c, registryId, runId);
        });
    }

    @Override
    public List<Run> abandon(Instant leaseBefore, String message, Instant now) throws IOException {
        return database.write(c -> {
            List<Run> lost = Sql.query(
                    c,
                    RunRows.SELECT + "WHERE status = ? AND lease_until < ? ORDER BY seq",
                    RunRows::run,
                    RunStatus.RUNNING.text(),
                    leaseBefore.toEpochMilli());
            List<Run> ended = new ArrayList<>();
            for (Run run : lost) {
                Run error = run.finish(RunStatus.ERROR, run.outputImages(), message, now);
                Sql.update(
                        c,
                        "UPDATE runs SET status = ?, finished_at = ?, updated_at = ?, error_message = ?,"
                                + " lease_until = NULL WHERE registry_id = ? AND run_id = ?",
                        error.status().text(),
                        now.toEpochMilli(),
                        now.toEpochMilli(),
                        message,
                        run.registryId(),
                        run.id());
                ended.add(error);
            }
            return ended;
        });
    }

    @Override
    public List<Run> endedBefore(Instant before, int max) throws IOException {
        return database.read(c -> Sql.query(
                c,
                RunRows.SELECT + "WHERE finished_at < ? ORDER BY finished_at, seq LIMIT ?",
                RunRows::run,
                before.toEpochMilli(),
                max));
    }

    @Override
    public boolean delete(long registryId, String runId) throws IOException {
        return database.write(
                c -> Sql.update(c, "DELETE FROM runs WHERE registry_id = ? AND run_id = ?", registryId, runId) > 0);
    }
}
