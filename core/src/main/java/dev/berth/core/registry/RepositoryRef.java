package dev.berth.core.registry;

import dev.berth.core.oci.RepositoryName;
import dev.berth.core.spi.RegistryStore.RegistryRecord;

/** A repository named within a registry, as a request addresses it; it may not exist yet. */
public record RepositoryRef(RegistryRecord registry, RepositoryName name) {
    @Override
    public String toString() {
        return registry.name() + "/" + name;
    }
}
