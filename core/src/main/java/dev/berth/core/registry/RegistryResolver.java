package dev.berth.core.registry;

import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.Optional;

/** Picks the registry a request addresses from its Host header. */
@FunctionalInterface
public interface RegistryResolver {
    /** The registry the host names, or empty when it names none. */
    Optional<RegistryRecord> resolve(String host) throws IOException;
}
