package dev.berth.client;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.OutboundResponse;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import dev.berth.core.oci.RepositoryName;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * A client of one registry's OCI Distribution API, for pulling: {@link #ping}, {@link #manifest} and {@link #blob}.
 * It signs in as the registry asks (Docker token authentication, or Basic), keeps tokens per repository until they
 * expire, and verifies every manifest and blob against its digest. Safe for concurrent use; close it to release its
 * connections.
 */
public final class RegistryClient implements AutoCloseable {
    /** Every manifest type Berth stores, indexes first: what a manifest request accepts. */
    static final String MANIFEST_ACCEPT = String.join(
            ", ",
            MediaTypes.OCI_INDEX,
            MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_MANIFEST);

    private final ClientSettings settings;
    private final RegistryAddress address;
    private final Transport transport;

    private RegistryClient(ClientSettings settings, Egress egress) throws IOException {
        this.settings = settings;
        this.address = new RegistryAddress(settings.registry());
        this.transport = new Transport(settings, egress);
    }

    /**
     * A client for the registry the settings name; nothing is sent until the first call.
     *
     * @param egress the way out: every connection (the registry's, a redirect's, a token realm's) is checked by its
     *     policy
     */
    public static RegistryClient create(ClientSettings settings, Egress egress) throws IOException {
        return new RegistryClient(settings, egress);
    }

    /** The registry's base address, with the scheme that worked (see {@link Trust.Insecure}). */
    public URI registry() {
        return transport.base();
    }

    /**
     * Checks that the registry speaks the API and, if it asks for them, accepts the credentials. Not required before
     * other calls, but the first failure it reports is the clearest.
     */
    public void ping() throws RegistryClientException {
        transport.ping();
    }

    /** A manifest or index by tag or digest, in any type Berth stores, its bytes checked against its digest. */
    public FetchedManifest manifest(RepositoryName repository, Reference reference) throws RegistryClientException {
        String path = "/v2/" + address.repositoryPath(repository.value()) + "/manifests/" + reference;
        OutboundResponse response = transport.get(path, scope(repository), MANIFEST_ACCEPT, true);
        if (response.status() != 200) {
            throw transport.failure(response, "manifest " + repository + ":" + reference);
        }
        byte[] content = transport.readAtMost(response, settings.maxManifestBytes(), "manifest " + reference);
        Digest digest =
                ManifestDigests.verified(reference, response.header("Docker-Content-Digest"), content, origin());
        String mediaType = MediaTypes.bare(response.header("Content-Type").orElse(null));
        return new FetchedManifest(digest, mediaType, content);
    }

    /**
     * A blob's bytes, following redirects; the stream verifies the digest when read to its end. The caller closes it.
     */
    public BlobStream blob(RepositoryName repository, Digest digest) throws RegistryClientException {
        String path = "/v2/" + address.repositoryPath(repository.value()) + "/blobs/" + digest;
        OutboundResponse response = transport.get(path, scope(repository), null, true);
        if (response.status() != 200) {
            throw transport.failure(response, "blob " + digest);
        }
        long size = contentLength(response);
        return new BlobStream(response.body(), digest, size, origin());
    }

    private Optional<String> scope(RepositoryName repository) {
        return Optional.of("repository:" + address.repositoryPath(repository.value()) + ":pull");
    }

    private String origin() {
        return Failures.origin(transport.base());
    }

    @Override
    public void close() {
        transport.close();
    }

    /** The stated length of a body, or -1 when it is missing or not a number. */
    private static long contentLength(OutboundResponse response) {
        try {
            return response.header("Content-Length").map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
