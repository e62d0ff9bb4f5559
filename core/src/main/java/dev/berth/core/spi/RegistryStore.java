package dev.berth.core.spi;

import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The registries of an installation. */
public interface RegistryStore {
    Optional<RegistryRecord> find(String name) throws IOException;

    Optional<RegistryRecord> findById(long id) throws IOException;

    /** The registry of that name, created on the Basic tier if it does not exist yet. */
    RegistryRecord getOrCreate(String name) throws IOException;

    /** Creates a registry; empty when the name is taken (names compare case-insensitively). */
    Optional<RegistryRecord> create(String name, Tier tier) throws IOException;

    /** Every registry, by name. */
    List<RegistryRecord> list() throws IOException;

    /** Moves a registry to another tier; false when it does not exist. */
    boolean setTier(long id, Tier tier) throws IOException;

    /**
     * Removes a registry and everything recorded of it: repositories, manifests, tags, blob links, uploads and its
     * access settings. Blob bytes are left to garbage collection. False when it did not exist.
     */
    boolean delete(long id) throws IOException;

    /** A registry: its stable id, its unique name, its tier and when it was created. */
    record RegistryRecord(long id, String name, Tier tier, Instant createdAt) {
        /** A Basic registry created at the epoch; for tests and callers that need only the id and the name. */
        public RegistryRecord(long id, String name) {
            this(id, name, Tier.BASIC, Instant.EPOCH);
        }
    }
}
