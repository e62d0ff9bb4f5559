package dev.berth.client.imports;

import dev.berth.client.RegistryClientException;
import dev.berth.core.imports.ImageSourceException;
import dev.berth.core.imports.ImageSourceException.Kind;

/** The import's view of a client failure: refused, unavailable, or invalid content. */
final class SourceFailures {
    private SourceFailures() {}

    static ImageSourceException of(RegistryClientException e) {
        Kind kind =
                switch (e.kind()) {
                    case UNAUTHORIZED, DENIED -> Kind.DENIED;
                    case INVALID_RESPONSE -> Kind.INVALID;
                    case EGRESS_REFUSED -> Kind.REFUSED;
                    case NOT_FOUND, TIMEOUT, UNREACHABLE, UNEXPECTED_STATUS -> Kind.UNAVAILABLE;
                };
        return new ImageSourceException(kind, e.getMessage(), e);
    }
}
