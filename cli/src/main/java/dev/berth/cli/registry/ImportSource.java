package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.command.ImageReference;
import dev.berth.cli.json.Json;
import java.util.Locale;

/**
 * Where {@code import} copies from, as ARM's {@code source}: {@code REGISTRY/REPOSITORY[:TAG|@DIGEST]} names any
 * registry by its address ({@code registryUri}, optionally after {@code http://} or {@code https://}); with {@code
 * --source-registry NAME} the source is {@code REPOSITORY[:TAG|@DIGEST]} in a registry of this installation
 * ({@code resourceId}). A source without a tag or digest means {@code :latest}, as docker takes it.
 */
record ImportSource(String registryUri, String resourceId, ImageReference image) {
    static ImportSource parse(String source, String sourceRegistry) {
        if (sourceRegistry != null) {
            return new ImportSource(null, "/registries/" + sourceRegistry, withTag(ImageReference.parse(source)));
        }
        int schemeEnd = source.indexOf("://");
        int slash = source.indexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
        if (slash < 0) {
            throw new IllegalArgumentException(usage(source));
        }
        String registry = source.substring(0, slash);
        String host = registry.substring(schemeEnd < 0 ? 0 : schemeEnd + 3);
        if (!looksLikeHost(host)) {
            throw new IllegalArgumentException(usage(source));
        }
        return new ImportSource(registry, null, withTag(ImageReference.parse(source.substring(slash + 1))));
    }

    /** ARM's {@code source} object. */
    ObjectNode toJson(String username, String password) {
        ObjectNode json = Json.object();
        if (registryUri != null) {
            json.put("registryUri", registryUri);
        } else {
            json.put("resourceId", resourceId);
        }
        if (username != null || password != null) {
            json.putObject("credentials")
                    .put("username", username == null ? "" : username)
                    .put("password", password == null ? "" : password);
        }
        return json.put("sourceImage", image.toString());
    }

    private static ImageReference withTag(ImageReference image) {
        return image.hasReference() ? image : ImageReference.parse(image.repository() + ":latest");
    }

    private static boolean looksLikeHost(String host) {
        return host.contains(".")
                || host.contains(":")
                || host.toLowerCase(Locale.ROOT).equals("localhost");
    }

    private static String usage(String source) {
        return "'" + source + "': give --source REGISTRY/REPOSITORY:TAG (docker.io/library/alpine:3.20,"
                + " localhost:5000/app:1), or REPOSITORY:TAG with --source-registry NAME";
    }
}
