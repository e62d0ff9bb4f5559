package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.io.IOException;

/**
 * Opens sources outside this installation; implemented by the {@code client} module over HTTP, and wired by the
 * composition root. Opening checks that the registry answers and takes the credentials, so those failures come first
 * and clearly.
 */
@FunctionalInterface
public interface RemoteImageSources {
    /**
     * An open source.
     *
     * @throws ImageSourceException when the registry cannot be reached or refuses the credentials
     * @throws RegistryException with {@link ErrorCode#INVALID_REQUEST} when the address is not one it can use
     */
    ImageSource open(ImportSource.Remote source) throws IOException;

    /** For installations that import only between their own registries. */
    static RemoteImageSources none() {
        return source -> {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST, "this installation imports only from its own registries");
        };
    }
}
