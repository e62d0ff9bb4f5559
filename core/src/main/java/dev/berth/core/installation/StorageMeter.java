package dev.berth.core.installation;

import java.io.IOException;

/** How many bytes a registry stores, each blob counted once however many repositories hold it. */
@FunctionalInterface
public interface StorageMeter {
    long bytes(long registryId) throws IOException;
}
