package dev.berth.core.spi;

import java.io.IOException;
import java.util.Optional;

/** The registries of an installation. */
public interface RegistryStore {
    Optional<RegistryRecord> find(String name) throws IOException;

    /** The registry of that name, created if it does not exist yet. */
    RegistryRecord getOrCreate(String name) throws IOException;

    /** A registry: its stable id and its unique name. */
    record RegistryRecord(long id, String name) {}
}
