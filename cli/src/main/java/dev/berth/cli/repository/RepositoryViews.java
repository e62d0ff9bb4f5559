package dev.berth.cli.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.output.Column;
import dev.berth.cli.output.Sizes;
import dev.berth.cli.output.Table;

/** The tables of the repository and manifest commands, over ACR's {@code /acr/v1} shapes. */
final class RepositoryViews {
    static final Table NAMES = Table.of(new Column("NAME", Column::text));

    private static final Column LAST_UPDATE = Column.at("LAST UPDATE", "/lastUpdateTime");

    /** The locks a manifest has, in {@code changeableAttributes}. */
    private static final Column[] MANIFEST_LOCKS = {
        Column.at("DELETE", "/changeableAttributes/deleteEnabled"),
        Column.at("WRITE", "/changeableAttributes/writeEnabled")
    };

    /** The locks a repository and a tag have besides. */
    private static final Column[] READ_AND_LIST_LOCKS = {
        Column.at("READ", "/changeableAttributes/readEnabled"), Column.at("LIST", "/changeableAttributes/listEnabled")
    };

    static final Table REPOSITORY = Table.of(
                    Column.at("NAME", "/imageName"),
                    Column.at("TAGS", "/tagCount"),
                    Column.at("MANIFESTS", "/manifestCount"),
                    LAST_UPDATE)
            .with(MANIFEST_LOCKS)
            .with(READ_AND_LIST_LOCKS);

    static final Table TAG = Table.of(Column.at("NAME", "/name"), Column.at("DIGEST", "/digest"), LAST_UPDATE)
            .with(MANIFEST_LOCKS)
            .with(READ_AND_LIST_LOCKS);

    static final Table MANIFEST = Table.of(
                    Column.at("DIGEST", "/digest"),
                    Column.at("TAGS", "/tags"),
                    new Column("PLATFORM", RepositoryViews::platform),
                    new Column(
                            "SIZE",
                            row -> row.has("imageSize")
                                    ? Sizes.human(row.path("imageSize").asLong())
                                    : ""),
                    LAST_UPDATE)
            .with(MANIFEST_LOCKS);

    static final Table DELETED = Table.of(
            Column.count("MANIFESTS DELETED", "manifestsDeleted"), Column.count("TAGS DELETED", "tagsDeleted"));

    static final Table MANIFEST_CONTENT = Table.of(
            Column.at("DIGEST", "/digest"),
            Column.at("MEDIA TYPE", "/mediaType"),
            Column.at("ARTIFACT TYPE", "/artifactType"),
            new Column("CONFIG", row -> Column.text(row.path("config").path("mediaType"))),
            new Column(
                    "LAYERS",
                    row -> row.has("layers") ? String.valueOf(row.path("layers").size()) : ""),
            new Column(
                    "MANIFESTS",
                    row -> row.has("manifests")
                            ? String.valueOf(row.path("manifests").size())
                            : ""));

    static final Table REFERRER = Table.of(
            Column.at("DIGEST", "/digest"),
            Column.at("ARTIFACT TYPE", "/artifactType"),
            Column.at("MEDIA TYPE", "/mediaType"),
            Column.size("SIZE", "size"));

    private RepositoryViews() {}

    private static String platform(JsonNode manifest) {
        String os = manifest.path("os").asText("");
        String architecture = manifest.path("architecture").asText("");
        return os.isEmpty() && architecture.isEmpty() ? "" : os + "/" + architecture;
    }
}
