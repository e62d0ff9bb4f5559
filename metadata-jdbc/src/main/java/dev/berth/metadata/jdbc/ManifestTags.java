package dev.berth.metadata.jdbc;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.DetailStore.ManifestDetails;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fills in the listed tags of a page of manifests, with one query per few hundred manifests. */
final class ManifestTags {
    private static final int CHUNK = 500;

    List<ManifestDetails> attach(Connection c, long repositoryId, List<ManifestDetails> manifests) throws SQLException {
        Map<Digest, List<Tag>> tags = new HashMap<>();
        for (int from = 0; from < manifests.size(); from += CHUNK) {
            List<ManifestDetails> chunk = manifests.subList(from, Math.min(manifests.size(), from + CHUNK));
            read(c, repositoryId, chunk, tags);
        }
        List<ManifestDetails> result = new ArrayList<>(manifests.size());
        for (ManifestDetails m : manifests) {
            result.add(m.withTags(List.copyOf(tags.getOrDefault(m.digest(), List.of()))));
        }
        return result;
    }

    private static void read(Connection c, long repositoryId, List<ManifestDetails> chunk, Map<Digest, List<Tag>> into)
            throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(repositoryId));
        chunk.forEach(m -> parameters.add(m.digest().toString()));
        List<Map.Entry<Digest, Tag>> rows = Sql.query(
                c,
                "SELECT digest, name FROM tags WHERE repository_id = ? AND list_enabled = TRUE AND digest IN "
                        + Sql.placeholders(chunk.size()) + " ORDER BY name",
                row -> Map.entry(Digest.parse(row.getString(1)), new Tag(row.getString(2))),
                parameters.toArray());
        for (Map.Entry<Digest, Tag> row : rows) {
            into.computeIfAbsent(row.getKey(), d -> new ArrayList<>()).add(row.getValue());
        }
    }
}
