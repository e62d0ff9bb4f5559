package dev.berth.cli.repository;

import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.api.ApiResponse;
import dev.berth.cli.api.ManagementClient;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Exit;
import java.util.Map;

/**
 * The few requests only the OCI API answers, sent to {@code /v2/...} on the registry's login server (as {@code GET
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
        String path = ApiPath.of("v2")
                .addPath(repository)
                .add("manifests")
                .add(reference)
                .toString();
        return client.send("GET", path, null, Map.of("Accept", MANIFEST_TYPES));
    }

    void deleteManifest(String repository, String digest) throws ApiException {
        client.send(
                "DELETE",
                ApiPath.of("v2")
                        .addPath(repository)
                        .add("manifests")
                        .add(digest)
                        .toString(),
                null,
                Map.of());
    }

    ApiResponse referrers(String repository, String digest, String artifactType) throws ApiException {
        ApiPath path = ApiPath.of("v2")
                .addPath(repository)
                .add("referrers")
                .add(digest)
                .query("artifactType", artifactType);
        return client.send("GET", path.toString(), null, Map.of("Accept", "application/vnd.oci.image.index.v1+json"));
    }
}
