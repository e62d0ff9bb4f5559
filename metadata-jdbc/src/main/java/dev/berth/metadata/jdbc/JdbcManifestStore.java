package dev.berth.metadata.jdbc;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.EventTarget;
import dev.berth.core.events.HelmChart;
import dev.berth.core.events.RequestContext;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.quarantine.Quarantine;
import dev.berth.core.spi.ManifestStore;
import dev.berth.core.spi.ManifestStore.ImageFacts;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class JdbcManifestStore implements ManifestStore {
    private final Database database;
    private final Clock clock;
    private final EventRows events;

    JdbcManifestStore(Database database, Clock clock, EventRows events) {
        this.database = database;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void put(long repositoryId, ManifestRecord manifest, Optional<Tag> tag, RequestContext context)
            throws IOException {
        long now = clock.millis();
        database.write(c -> {
            if (insert(c, repositoryId, manifest, now)) {
                insertReferences(c, repositoryId, manifest);
            } else {
                pushedAgain(c, repositoryId, manifest, now);
            }
            if (tag.isPresent()) {
                Sql.update(
                        c,
                        "INSERT INTO tags (repository_id, name, digest, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (repository_id, name) DO UPDATE SET digest = excluded.digest,"
                                + " updated_at = excluded.updated_at",
                        repositoryId,
                        tag.get().value(),
                        manifest.digest().toString(),
                        now,
                        now);
            }
            appendPush(c, repositoryId, manifest, tag.map(Tag::value).orElse(null), context);
            return null;
        });
    }

    /** A push event, or a chart push when the manifest's config is Helm's. */
    private void appendPush(
            Connection c, long repositoryId, ManifestRecord manifest, String tag, RequestContext context)
            throws SQLException {
        long size = manifest.content().length;
        String digest = manifest.digest().toString();
        boolean chart =
                manifest.facts() != null && HelmChart.isChart(manifest.facts().configMediaType());
        events.append(
                c,
                repositoryId,
                chart ? EventAction.CHART_PUSH : EventAction.PUSH,
                repository -> chart
                        ? HelmChart.target(repository, size, digest, tag)
                        : EventTarget.manifest(repository, manifest.mediaType(), size, digest, tag),
                context);
    }

    /** Inserts the manifest; false when the repository already holds it. */
    private static boolean insert(Connection c, long repositoryId, ManifestRecord manifest, long now)
            throws SQLException {
        ImageFacts facts = manifest.facts();
        return Sql.update(
                        c,
                        "INSERT INTO manifests (repository_id, digest, media_type, size, content, artifact_type,"
                                + " subject, annotations, created_at, updated_at, config_media_type, architecture,"
                                + " os, image_size, platforms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (repository_id, digest) DO NOTHING",
                        repositoryId,
                        manifest.digest().toString(),
                        manifest.mediaType(),
                        manifest.content().length,
                        manifest.content(),
                        manifest.artifactType(),
                        manifest.subject() == null ? null : manifest.subject().toString(),
                        manifest.annotationsJson(),
                        now,
                        now,
                        facts == null ? null : facts.configMediaType(),
                        facts == null ? null : facts.architecture(),
                        facts == null ? null : facts.os(),
                        facts == null ? null : facts.imageSize(),
                        facts == null ? null : ImageFactsColumns.platforms(facts))
                > 0;
    }

    /** A manifest pushed again is updated then, and learns its facts if it was pushed before they were recorded. */
    private static void pushedAgain(Connection c, long repositoryId, ManifestRecord manifest, long now)
            throws SQLException {
        Sql.update(
                c,
                "UPDATE manifests SET updated_at = ? WHERE repository_id = ? AND digest = ?",
                now,
                repositoryId,
                manifest.digest().toString());
        ImageFacts facts = manifest.facts();
        if (facts != null) {
            Sql.update(
                    c,
                    "UPDATE manifests SET config_media_type = ?, architecture = ?, os = ?, image_size = ?,"
                            + " platforms = ? WHERE repository_id = ? AND digest = ? AND image_size IS NULL",
                    facts.configMediaType(),
                    facts.architecture(),
                    facts.os(),
                    facts.imageSize(),
                    ImageFactsColumns.platforms(facts),
                    repositoryId,
                    manifest.digest().toString());
        }
    }

    private static void insertReferences(Connection c, long repositoryId, ManifestRecord manifest) throws SQLException {
        Set<Digest> distinct = new LinkedHashSet<>(manifest.references());
        if (distinct.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO manifest_references"
                + " (repository_id, manifest_digest, referenced_digest) VALUES (?, ?, ?)")) {
            for (Digest referenced : distinct) {
                s.setLong(1, repositoryId);
                s.setString(2, manifest.digest().toString());
                s.setString(3, referenced.toString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public Optional<StoredManifest> get(long repositoryId, Digest digest) throws IOException {
        return database.read(c -> Sql.first(
                c,
                "SELECT digest, media_type, content FROM manifests WHERE repository_id = ? AND digest = ?",
                JdbcManifestStore::stored,
                repositoryId,
                digest.toString()));
    }

    @Override
    public Optional<StoredManifest> getByTag(long repositoryId, Tag tag) throws IOException {
        return database.read(c -> Sql.first(
                c,
                "SELECT m.digest, m.media_type, m.content FROM tags t JOIN manifests m"
                        + " ON m.repository_id = t.repository_id AND m.digest = t.digest"
                        + " WHERE t.repository_id = ? AND t.name = ?",
                JdbcManifestStore::stored,
                repositoryId,
                tag.value()));
    }

    @Override
    public Set<Digest> existing(long repositoryId, Collection<Digest> digests) throws IOException {
        List<Object> params = new ArrayList<>();
        params.add(repositoryId);
        digests.forEach(d -> params.add(d.toString()));
        return new HashSet<>(database.read(c -> Sql.query(
                c,
                "SELECT digest FROM manifests WHERE repository_id = ? AND digest IN "
                        + Sql.placeholders(digests.size()),
                row -> Digest.parse(row.getString(1)),
                params.toArray())));
    }

    @Override
    public boolean delete(long repositoryId, Digest digest, RequestContext context) throws IOException {
        return database.write(c -> {
            Optional<Described> deleted = describe(c, repositoryId, digest);
            if (deleted.isEmpty()) {
                return false;
            }
            Sql.update(
                    c, "DELETE FROM manifests WHERE repository_id = ? AND digest = ?", repositoryId, digest.toString());
            appendDelete(c, repositoryId, digest.toString(), deleted.get(), context);
            return true;
        });
    }

    /** What an event needs of a stored manifest: media type, size, whether it is a chart, and its first tag. */
    private record Described(String mediaType, long size, boolean chart, String tag) {}

    private static Optional<Described> describe(Connection c, long repositoryId, Digest digest) throws SQLException {
        return Sql.first(
                c,
                "SELECT media_type, size, config_media_type, (SELECT MIN(name) FROM tags t WHERE t.repository_id ="
                        + " m.repository_id AND t.digest = m.digest) FROM manifests m"
                        + " WHERE repository_id = ? AND digest = ?",
                row -> new Described(
                        row.getString(1), row.getLong(2), HelmChart.isChart(row.getString(3)), row.getString(4)),
                repositoryId,
                digest.toString());
    }

    /** A delete event, or a chart delete with the chart's name and the version it was tagged with. */
    private void appendDelete(Connection c, long repositoryId, String digest, Described deleted, RequestContext context)
            throws SQLException {
        events.append(
                c,
                repositoryId,
                deleted.chart() ? EventAction.CHART_DELETE : EventAction.DELETE,
                repository -> deleted.chart()
                        ? HelmChart.target(repository, null, digest, deleted.tag())
                        : new EventTarget(deleted.mediaType(), null, digest, null, repository, null),
                context);
    }

    @Override
    public boolean quarantine(long repositoryId, Digest digest, Quarantine quarantine, RequestContext context)
            throws IOException {
        return database.write(c -> {
            Optional<Described> manifest = describe(c, repositoryId, digest);
            if (manifest.isEmpty()) {
                return false;
            }
            Sql.update(
                    c,
                    "UPDATE manifests SET quarantine_state = ?, quarantine_details = ? WHERE repository_id = ?"
                            + " AND digest = ?",
                    quarantine.state().wireName(),
                    quarantine.details(),
                    repositoryId,
                    digest.toString());
            Described m = manifest.get();
            events.append(
                    c,
                    repositoryId,
                    EventAction.QUARANTINE,
                    repository -> EventTarget.manifest(repository, m.mediaType(), m.size(), digest.toString(), m.tag()),
                    context);
            return true;
        });
    }

    @Override
    public List<Descriptor> referrers(long repositoryId, Digest subject, Optional<String> artifactType)
            throws IOException {
        String sql = "SELECT media_type, digest, size, artifact_type, annotations FROM manifests"
                + " WHERE repository_id = ? AND subject = ?"
                + (artifactType.isPresent() ? " AND artifact_type = ?" : "")
                + " ORDER BY digest";
        Object[] params = artifactType.isPresent()
                ? new Object[] {repositoryId, subject.toString(), artifactType.get()}
                : new Object[] {repositoryId, subject.toString()};
        return database.read(c -> Sql.query(c, sql, JdbcManifestStore::referrer, params));
    }

    private static StoredManifest stored(ResultSet row) throws SQLException {
        return new StoredManifest(Digest.parse(row.getString(1)), row.getString(2), row.getBytes(3));
    }

    private static Descriptor referrer(ResultSet row) throws SQLException {
        String annotations = row.getString(5);
        return new Descriptor(
                row.getString(1),
                Digest.parse(row.getString(2)),
                row.getLong(3),
                row.getString(4),
                annotations == null ? null : annotations(annotations),
                null,
                null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> annotations(String json) {
        return Json.convert(Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), LinkedHashMap.class);
    }
}
