package dev.berth.metadata.jdbc;

import dev.berth.core.oci.Digest;
import dev.berth.core.spi.BlobLinkStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcBlobLinkStore implements BlobLinkStore {
    private final Database database;
    private final Clock clock;

    JdbcBlobLinkStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void link(long repositoryId, Digest digest, long size) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO blob_links (repository_id, digest, size, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (repository_id, digest) DO NOTHING",
                repositoryId,
                digest.toString(),
                size,
                clock.millis()));
    }

    @Override
    public Optional<Long> linkedSize(long repositoryId, Digest digest) throws IOException {
        return database.read(c -> Sql.first(
                c,
                "SELECT size FROM blob_links WHERE repository_id = ? AND digest = ?",
                row -> row.getLong(1),
                repositoryId,
                digest.toString()));
    }

    @Override
    public Map<Digest, Long> linkedSizes(long repositoryId, Collection<Digest> digests) throws IOException {
        List<Object> params = new ArrayList<>();
        params.add(repositoryId);
        digests.forEach(d -> params.add(d.toString()));
        Map<Digest, Long> sizes = new HashMap<>();
        database.read(c -> Sql.query(
                c,
                "SELECT digest, size FROM blob_links WHERE repository_id = ? AND digest IN "
                        + Sql.placeholders(digests.size()),
                row -> sizes.put(Digest.parse(row.getString(1)), row.getLong(2)),
                params.toArray()));
        return sizes;
    }

    @Override
    public boolean unlink(long repositoryId, Digest digest) throws IOException {
        return database.write(c -> Sql.update(
                        c,
                        "DELETE FROM blob_links WHERE repository_id = ? AND digest = ?",
                        repositoryId,
                        digest.toString()))
                > 0;
    }
}
