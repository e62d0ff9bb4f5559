package dev.berth.cli.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.output.Column;
import dev.berth.cli.output.Sizes;
import dev.berth.cli.output.Table;

/** The tables of the repository and manifest commands, over ACR's {@code /acr/v1} shapes. */
final class RepositoryViews {
    static final Table NAMES = Table.of(new Column("NAME", Column::text));

    static final Table REPOSITORY = Table.of(
            Column.at("NAME", "/imageName"),
            Column.at("TAGS", "/tagCount"),
            Column.at("MANIFESTS", "/manifestCount"),
            Column.at("LAST UPDATE", "/lastUpdateTime"),
            Column.at("DELETE", "/changeableAttributes/deleteEnabled"),
            Column.at("WRITE", "/changeableAttributes/writeEnabled"),
            Column.at("READ", "/changeableAttributes/readEnabled"),
            Column.at("LIST", "/changeableAttributes/listEnabled"));

    static final Table TAG = Table.of(
            Column.at("NAME", "/name"),
            Column.at("DIGEST", "/digest"),
            Column.at("LAST UPDATE", "/lastUpdateTime"),
            Column.at("DELETE", "/changeableAttributes/deleteEnabled"),
            Column.at("WRITE", "/changeableAttributes/writeEnabled"),
            Column.at("READ", "/changeableAttributes/readEnabled"),
            Column.at("LIST", "/changeableAttributes/listEnabled"));

    static final Table MANIFEST = Table.of(
            Column.at("DIGEST", "/digest"),
            Column.at("TAGS", "/tags"),
            new Column("PLATFORM", RepositoryViews::platform),
            new Column(
                    "SIZE",
                    row -> row.has("imageSize")
                            ? Sizes.human(row.path("imageSize").asLong())
                            : ""),
            Column.at("LAST UPDATE", "/lastUpdateTime"),
            Column.at("DELETE", "/changeableAttributes/deleteEnabled"),
            Column.at("WRITE", "/changeableAttributes/writeEnabled"));

    static final Table DELETED = Table.of(
            new Column(
                    "MANIFESTS DELETED",
                    row -> String.valueOf(row.path("manifestsDeleted").size())),
            new Column(
                    "TAGS DELETED",
                    row -> String.valueOf(row.path("tagsDeleted").size())));

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
            new Column("SIZE", row -> Sizes.human(row.path("size").asLong())));

    private RepositoryViews() {}

    private static String platform(JsonNode manifest) {
        String os = manifest.path("os").asText("");
        String architecture = manifest.path("architecture").asText("");
        return os.isEmpty() && architecture.isEmpty() ? "" : os + "/" + architecture;
    }
}
