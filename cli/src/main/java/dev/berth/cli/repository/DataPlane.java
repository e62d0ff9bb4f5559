package dev.berth.cli.repository;

import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.api.ApiResponse;
import dev.berth.cli.api.ManagementClient;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Exit;
import java.util.Map;

/**
 * The two requests only the OCI API answers (a manifest's content, its referrers), sent to {@code /v2/...} on the registry's login server (as {@code GET
 * /api/registries/{r}} gives it) with the same Basic credentials. When the login server is the address the CLI
 * signed in to, that is the same server; otherwise its name must resolve from this machine, as it must for docker.
 */
final class DataPlane {
    static final String MANIFEST_TYPES = String.join(
            ", ",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");
    private static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";

    private final ManagementClient client;
    private final String loginServer;

    private DataPlane(ManagementClient client, String loginServer) {
        this.client = client;
        this.loginServer = loginServer;
    }

    static DataPlane of(ManagementClient api, String registry) throws ApiException, CliFailure {
        String path = ApiPath.of("api", "registries", registry).toString();
        String loginServer =
                api.get(path).path("properties").path("loginServer").asText("");
        if (loginServer.isEmpty()) {
            throw new CliFailure(Exit.OTHER, "the server did not say where registry '" + registry + "' answers");
        }
        return new DataPlane(api.at(loginServer), loginServer);
    }

    ApiResponse manifest(String repository, String reference) throws ApiException {
        return send("GET", manifestPath(repository, reference), MANIFEST_TYPES);
    }

    ApiResponse referrers(String repository, String digest, String artifactType) throws ApiException {
        ApiPath path = ApiPath.of("v2").addPath(repository).add("referrers").add(digest);
        return send("GET", path.query("artifactType", artifactType).toString(), INDEX_TYPE);
    }

    private static String manifestPath(String repository, String reference) {
        return ApiPath.of("v2")
                .addPath(repository)
                .add("manifests")
                .add(reference)
                .toString();
    }

    /** Sends, and when the login server cannot be reached, says what it takes. */
    private ApiResponse send(String method, String path, String accept) throws ApiException {
        try {
            return client.send(method, path, null, accept == null ? Map.of() : Map.of("Accept", accept));
        } catch (ApiException e) {
            if (e.status() != 0) {
                throw e;
            }
            String host = loginServer.replaceFirst(":[0-9]+$", "");
            throw new ApiException(
                    0,
                    "",
                    e.getMessage() + " (a registry's OCI API answers on its login server, as" + " for docker: make "
                            + host + " resolve to the Berth server, with DNS or /etc/hosts)");
        }
    }
}
