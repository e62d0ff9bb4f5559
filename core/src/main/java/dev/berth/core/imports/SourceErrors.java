package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.io.IOException;
import java.util.Optional;

/** The wire errors of an import's source, and the source failure an {@link IOException} may carry. */
final class SourceErrors {
    private SourceErrors() {}

    static RegistryException unknown(String message) {
        return new RegistryException(ErrorCode.IMPORT_SOURCE_UNKNOWN, message);
    }

    static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.IMPORT_SOURCE_UNAVAILABLE, message);
    }

    static RegistryException of(ImageSourceException e) {
        ErrorCode code =
                switch (e.kind()) {
                    case DENIED -> ErrorCode.IMPORT_SOURCE_DENIED;
                    case UNAVAILABLE, INVALID -> ErrorCode.IMPORT_SOURCE_UNAVAILABLE;
                    case REFUSED -> ErrorCode.EGRESS_REFUSED;
                };
        return new RegistryException(code, e.getMessage());
    }

    /** The source failure behind an I/O failure, when there is one: a stream that broke inside a blob store, say. */
    static Optional<ImageSourceException> cause(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImageSourceException source) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
