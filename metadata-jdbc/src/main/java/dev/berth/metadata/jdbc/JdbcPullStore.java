package dev.berth.metadata.jdbc;

import dev.berth.core.spi.PullStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Pull times in the {@code last_pulled_at} columns of {@code manifests} and {@code tags}, one batch per call. */
final class JdbcPullStore implements PullStore {
    private static final String LATER = " AND (last_pulled_at IS NULL OR last_pulled_at < ?)";

    private final Database database;

    JdbcPullStore(Database database) {
        this.database = database;
    }

    @Override
    public void record(Collection<PulledManifest> manifests, Collection<PulledTag> tags) throws IOException {
        if (manifests.isEmpty() && tags.isEmpty()) {
            return;
        }
        database.write(c -> {
            manifests(c, manifests);
            tags(c, tags);
            return null;
        });
    }

    private static void manifests(Connection c, Collection<PulledManifest> pulls) throws SQLException {
        if (pulls.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE manifests SET last_pulled_at = ? WHERE repository_id = ? AND digest = ?" + LATER)) {
            for (PulledManifest pull : pulls) {
                long at = pull.at().toEpochMilli();
                s.setLong(1, at);
                s.setLong(2, pull.repositoryId());
                s.setString(3, pull.digest().toString());
                s.setLong(4, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void tags(Connection c, Collection<PulledTag> pulls) throws SQLException {
        if (pulls.isEmpty()) {
            return;
        }
        try (PreparedStatement s =
                c.prepareStatement("UPDATE tags SET last_pulled_at = ? WHERE repository_id = ? AND name = ?" + LATER)) {
            for (PulledTag pull : pulls) {
                long at = pull.at().toEpochMilli();
                s.setLong(1, at);
                s.setLong(2, pull.repositoryId());
                s.setString(3, pull.tag().value());
                s.setLong(4, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
