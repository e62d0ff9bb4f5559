package dev.berth.cli.repository;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.json.Json;
import picocli.CommandLine.Option;

/** The changeable attributes of a repository, tag or manifest, as ACR's {@code PATCH /acr/v1/...} takes them. */
public final class Attributes {
    @Option(
            names = "--delete-enabled",
            paramLabel = "true|false",
            arity = "1",
            description = "Whether it may be deleted.")
    Boolean deleteEnabled;

    @Option(
            names = "--write-enabled",
            paramLabel = "true|false",
            arity = "1",
            description = "Whether it may be overwritten, retagged or deleted (false locks it).")
    Boolean writeEnabled;

    @Option(names = "--read-enabled", paramLabel = "true|false", arity = "1", description = "Whether it may be pulled.")
    Boolean readEnabled;

    @Option(names = "--list-enabled", paramLabel = "true|false", arity = "1", description = "Whether listings show it.")
    Boolean listEnabled;

    boolean isEmpty() {
        return deleteEnabled == null && writeEnabled == null && readEnabled == null && listEnabled == null;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        put(json, "deleteEnabled", deleteEnabled);
        put(json, "writeEnabled", writeEnabled);
        put(json, "readEnabled", readEnabled);
        put(json, "listEnabled", listEnabled);
        return json;
    }

    private static void put(ObjectNode json, String field, Boolean value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
