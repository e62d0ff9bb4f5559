package dev.berth.http.oci;

import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Actions;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.registry.ContentRange;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.registry.UploadService;
import dev.berth.core.registry.UploadStatus;
import dev.berth.http.auth.Access;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /v2/<name>/blobs/uploads/[<id>]}: open an upload (or mount, or upload whole), send chunks, finish with the
 * digest, ask where it stands, cancel.
 */
final class UploadHandler implements OciHandler {
    private final UploadService uploads;

    UploadHandler(UploadService uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(Exchange exchange, RepositoryRef repository, Route route) throws IOException {
        if (route.kind() == Route.Kind.UPLOADS) {
            Methods.require(exchange, "POST");
            open(exchange, repository);
            return;
        }
        Methods.require(exchange, "GET", "HEAD", "PATCH", "PUT", "DELETE");
        String id = route.argument();
        try {
            switch (exchange.method()) {
                case "PATCH" ->
                    accepted(
                            exchange,
                            repository,
                            uploads.append(
                                    repository, id, contentRange(exchange), exchange.contentLength(), exchange.body()));
                case "PUT" -> finish(exchange, repository, id);
                case "DELETE" -> {
                    uploads.cancel(repository, id);
                    exchange.send(204);
                }
                default -> status(exchange, repository, uploads.status(repository, id), 204);
            }
        } catch (RegistryException e) {
            if (e.code() == ErrorCode.RANGE_INVALID) {
                withStatusHeaders(exchange, repository, uploads.status(repository, id));
            }
            throw e;
        }
    }

    private void open(Exchange exchange, RepositoryRef repository) throws IOException {
        Optional<String> mount = exchange.query("mount");
        Optional<String> from = exchange.query("from").filter(RepositoryName::isValid);
        if (mount.isPresent() && from.isPresent() && mayRead(exchange, from.get())) {
            Digest digest = Digest.parse(mount.get());
            if (uploads.mount(repository, new RepositoryName(from.get()), digest)
                    .isPresent()) {
                created(exchange, repository, digest);
                return;
            }
        }
        Optional<String> digest = exchange.query("digest");
        if (digest.isPresent()) {
            Digest expected = Digest.parse(digest.get());
            uploads.uploadWhole(repository, expected, exchange.contentLength(), exchange.body());
            created(exchange, repository, expected);
            return;
        }
        accepted(exchange, repository, uploads.start(repository));
    }

    /** A mount from a repository the caller may not read quietly becomes an ordinary upload. */
    private static boolean mayRead(Exchange exchange, String repository) throws IOException {
        return exchange.attached(Access.class)
                .orElse(scope -> false)
                .permits(AccessScope.repository(repository, Actions.PULL));
    }

    private void finish(Exchange exchange, RepositoryRef repository, String id) throws IOException {
        Digest digest = Digest.parse(exchange.query("digest")
                .orElseThrow(() -> new RegistryException(
                        ErrorCode.DIGEST_INVALID, "the digest query parameter is required to finish an upload")));
        uploads.complete(repository, id, digest, contentRange(exchange), exchange.contentLength(), exchange.body());
        created(exchange, repository, digest);
    }

    private static Optional<ContentRange> contentRange(Exchange exchange) {
        return exchange.header("Content-Range").map(ContentRange::parse);
    }

    private static void created(Exchange exchange, RepositoryRef repository, Digest digest) throws IOException {
        exchange.header("Location", Links.blob(repository.name(), digest));
        exchange.header("Docker-Content-Digest", digest.toString());
        exchange.send(201);
    }

    private static void accepted(Exchange exchange, RepositoryRef repository, UploadStatus status) throws IOException {
        status(exchange, repository, status, 202);
    }

    private static void status(Exchange exchange, RepositoryRef repository, UploadStatus status, int code)
            throws IOException {
        withStatusHeaders(exchange, repository, status);
        exchange.send(code);
    }

    private static void withStatusHeaders(Exchange exchange, RepositoryRef repository, UploadStatus status) {
        exchange.header("Location", Links.upload(repository.name(), status.uploadId()));
        exchange.header("Range", Links.uploadRange(status.size()));
        exchange.header("Docker-Upload-UUID", status.uploadId());
    }
}
