package dev.berth.cli.registry;

import dev.berth.cli.output.Column;
import dev.berth.cli.output.Table;

/** The tables of the registry commands. */
final class RegistryViews {
    static final Table REGISTRY = Table.of(
            Column.at("NAME", "/name"),
            Column.at("SKU", "/sku/name"),
            Column.at("LOGIN SERVER", "/properties/loginServer"),
            Column.at("CREATION DATE", "/properties/creationDate"),
            Column.at("ADMIN ENABLED", "/properties/adminUserEnabled"),
            Column.at("ANONYMOUS PULL", "/properties/anonymousPullEnabled"),
            Column.at("PUBLIC NETWORK", "/properties/publicNetworkAccess"),
            Column.at("DEFAULT ACTION", "/properties/networkRuleSet/defaultAction"));

    static final Table NAME_AVAILABILITY = Table.of(
            Column.at("NAME AVAILABLE", "/nameAvailable"),
            Column.at("REASON", "/reason"),
            Column.at("MESSAGE", "/message"));

    static final Table USAGE = Table.of(
            Column.at("NAME", "/name"),
            Column.at("LIMIT", "/limit"),
            Column.at("CURRENT VALUE", "/currentValue"),
            Column.at("UNIT", "/unit"));

    /** A byte count twice: for people, then exact. */
    private static final Column[] BYTES = {Column.size("SIZE", "bytes"), Column.at("BYTES", "/bytes")};

    static final Table REPOSITORY_STORAGE =
            Table.of(Column.at("REPOSITORY", "/name")).with(BYTES);

    static final Table MANIFEST_STORAGE =
            Table.of(Column.at("DIGEST", "/digest")).with(BYTES).with(Column.at("TAGS", "/tags"));

    private static final Column USERNAME = Column.at("USERNAME", "/username");
    private static final Column PASSWORD_NAME = Column.at("PASSWORD NAME", "/name");
    private static final Column CREATION_TIME = Column.at("CREATION TIME", "/creationTime");

    static final Table CREDENTIALS = Table.of(USERNAME, PASSWORD_NAME, CREATION_TIME);

    static final Table RENEWED_CREDENTIALS =
            Table.of(USERNAME, PASSWORD_NAME, Column.at("VALUE", "/value"), CREATION_TIME);

    static final Table IP_RULES = Table.of(Column.at("ACTION", "/action"), Column.at("IP ADDRESS OR RANGE", "/value"));

    static final Table IMPORT = Table.of(
            Column.at("DIGEST", "/digest"),
            Column.at("TAGS", "/tags"),
            Column.at("MANIFESTS", "/manifests"),
            Column.at("BLOBS COPIED", "/blobs/copied"),
            Column.at("BLOBS LINKED", "/blobs/linked"),
            Column.size("BYTES COPIED", "bytesCopied"));

    private RegistryViews() {}
}
