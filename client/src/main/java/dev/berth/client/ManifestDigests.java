package dev.berth.client;

import dev.berth.client.RegistryClientException.Kind;
import dev.berth.core.error.RegistryException;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Reference;
import java.util.Optional;

/**
 * The digest of fetched manifest bytes, checked: against the digest asked for, and against the {@code
 * Docker-Content-Digest} the registry stated. Either mismatch means the registry served other content.
 */
final class ManifestDigests {
    private ManifestDigests() {}

    static Digest verified(Reference reference, Optional<String> statedDigest, byte[] content, String origin)
            throws RegistryClientException {
        Optional<Digest> stated = stated(statedDigest);
        if (stated.isPresent()) {
            check(stated.get(), content, origin, "the Docker-Content-Digest it stated");
        }
        if (reference instanceof Reference.ByDigest(Digest asked)) {
            check(asked, content, origin, "the digest asked for");
            return asked;
        }
        return stated.orElseGet(() -> Digest.sha256(content));
    }

    private static void check(Digest expected, byte[] content, String origin, String which)
            throws RegistryClientException {
        Digest actual = Digest.of(expected.algorithm(), content);
        if (!actual.equals(expected)) {
            throw new RegistryClientException(
                    Kind.INVALID_RESPONSE,
                    origin + " served a manifest whose digest " + actual + " is not " + which + ", " + expected);
        }
    }

    /** The stated digest, when there is one in an algorithm this client can check. */
    private static Optional<Digest> stated(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.parse(header.get().trim()));
        } catch (RegistryException unsupported) {
            return Optional.empty();
        }
    }
}
