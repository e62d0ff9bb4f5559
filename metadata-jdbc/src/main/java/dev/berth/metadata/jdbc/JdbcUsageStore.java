package dev.berth.metadata.jdbc;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.spi.StorageUsage;
import dev.berth.core.spi.UsageStore;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Storage usage, summed by the database from the blob links and manifests on every call; nothing is kept up to date
 * beside them, so nothing can drift. Each query walks only the rows of the registry or repository asked about,
 * through the primary keys and the {@code blob_links_by_digest} index.
 */
final class JdbcUsageStore implements UsageStore {
    /** Distinct blobs of a registry (a blob's size is the same wherever it is linked), then its manifests. */
    private static final String REGISTRY = "SELECT"
            + " (SELECT COALESCE(SUM(size), 0) FROM (SELECT MAX(b.size) AS size FROM blob_links b"
            + " JOIN repositories r ON r.id = b.repository_id WHERE r.registry_id = ? GROUP BY b.digest) blobs),"
            + " (SELECT COALESCE(SUM(m.size), 0) FROM manifests m"
            + " JOIN repositories r ON r.id = m.repository_id WHERE r.registry_id = ?)";

    private static final String REPOSITORY_BLOBS =
            "(SELECT COALESCE(SUM(b.size), 0) FROM blob_links b WHERE b.repository_id = r.id)";
    private static final String REPOSITORY_MANIFESTS =
            "(SELECT COALESCE(SUM(m.size), 0) FROM manifests m WHERE m.repository_id = r.id)";

    /**
     * Each manifest with everything under it: the tree of (root, digest) pairs reached through the references, which
     * {@code UNION} keeps distinct, so a blob two children share counts once for their index.
     */
    private static final String MANIFESTS_WITH_TREE = "WITH RECURSIVE tree (root, digest) AS ("
            + " SELECT digest, digest FROM manifests WHERE repository_id = ? %s"
            + " UNION SELECT t.root, r.referenced_digest FROM tree t JOIN manifest_references r"
            + " ON r.repository_id = ? AND r.manifest_digest = t.digest)"
            + " SELECT t.root, COALESCE(SUM(b.size), 0), COALESCE(SUM(m.size), 0) FROM tree t"
            + " LEFT JOIN blob_links b ON b.repository_id = ? AND b.digest = t.digest"
            + " LEFT JOIN manifests m ON m.repository_id = ? AND m.digest = t.digest"
            + " GROUP BY t.root ORDER BY t.root";

    private final Database database;

    JdbcUsageStore(Database database) {
        this.database = database;
    }

    @Override
    public StorageUsage registry(long registryId) throws IOException {
        return database.read(c -> Sql.first(c, REGISTRY, row -> usage(row, 1), registryId, registryId))
                .orElse(StorageUsage.NONE);
    }

    @Override
    public List<RepositoryUsage> repositories(long registryId) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT r.name, " + REPOSITORY_BLOBS + ", " + REPOSITORY_MANIFESTS
                        + " FROM repositories r WHERE r.registry_id = ? ORDER BY r.name",
                row -> new RepositoryUsage(new RepositoryName(row.getString(1)), usage(row, 2)),
                registryId));
    }

    @Override
    public StorageUsage repository(long repositoryId) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        "SELECT " + REPOSITORY_BLOBS + ", " + REPOSITORY_MANIFESTS + " FROM repositories r"
                                + " WHERE r.id = ?",
                        row -> usage(row, 1),
                        repositoryId))
                .orElse(StorageUsage.NONE);
    }

    @Override
    public List<ManifestUsage> manifests(long repositoryId) throws IOException {
        return database.read(c -> Sql.query(
                c,
                MANIFESTS_WITH_TREE.formatted(""),
                JdbcUsageStore::manifestUsage,
                repositoryId,
                repositoryId,
                repositoryId,
                repositoryId));
    }

    @Override
    public Optional<StorageUsage> manifest(long repositoryId, Digest digest) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        MANIFESTS_WITH_TREE.formatted("AND digest = ?"),
                        JdbcUsageStore::manifestUsage,
                        repositoryId,
                        digest.toString(),
                        repositoryId,
                        repositoryId,
                        repositoryId))
                .map(ManifestUsage::usage);
    }

    @Override
    public boolean holdsBlob(long registryId, Digest digest) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        "SELECT 1 FROM blob_links b JOIN repositories r ON r.id = b.repository_id"
                                + " WHERE b.digest = ? AND r.registry_id = ? LIMIT 1",
                        row -> true,
                        digest.toString(),
                        registryId))
                .isPresent();
    }

    private static ManifestUsage manifestUsage(ResultSet row) throws SQLException {
        return new ManifestUsage(Digest.parse(row.getString(1)), usage(row, 2));
    }

    /** The blob and manifest bytes in two columns from {@code first}. */
    private static StorageUsage usage(ResultSet row, int first) throws SQLException {
        return new StorageUsage(row.getLong(first), row.getLong(first + 1));
    }
}
