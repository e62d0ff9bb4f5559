package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.core.egress.NoEgress;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management services of one installation over a real metadata store, with tiny tiers so that limits are
 * reached in a few steps. A store's test runs every suite that extends this, saying how to open the store.
 *
 * <p>Tiers: Basic holds 2 tokens and 2 scope maps, no IP rules, no anonymous pull and 1000 bytes; Standard 3, 3, no
 * IP rules, anonymous pull and 10000 bytes; Premium 5, 5, 2 IP rules, anonymous pull and 100000 bytes. Login servers
 * are {@code <name>.localhost:5000}; the default registry is {@code default}.
 */
public abstract class InstallationFixture {
    static final TierCatalog TIERS = TierCatalog.defaults()
            .with(Tier.BASIC, limits(1_000, 2, 0, false))
            .with(Tier.STANDARD, limits(10_000, 3, 0, true))
            .with(Tier.PREMIUM, limits(100_000, 5, 2, true));

    @TempDir
    protected Path dir;

    protected MetadataStore store;
    final TestClock clock = new TestClock();
    final PlainTextHasher hasher = new PlainTextHasher();
    /** Bytes each registry stores, by id, as the storage meter reports them. */
    final Map<Long, Long> storedBytes = new ConcurrentHashMap<>();
    /** How often the services said that credentials changed. */
    final AtomicInteger credentialChanges = new AtomicInteger();

    Registries registries;
    Management management;
    RegistryRecord defaultRegistry;

    /** Opens an empty store in the directory. */
    protected abstract MetadataStore open(Path dir) throws IOException;

    private static TierLimits limits(long maxStorage, int count, int ipRules, boolean anonymousPull) {
        return new TierLimits(
                maxStorage / 2, maxStorage, 2, count, count, ipRules, 0, anonymousPull, RequestRates.UNLIMITED);
    }

    @BeforeEach
    void openInstallation() throws IOException {
        store = open(dir);
        defaultRegistry = store.registries().getOrCreate("default");
        registries = new Registries(store.registries(), "localhost", "default", () -> 5000, clock);
        management = Management.create(
                store,
                registries,
                TIERS,
                id -> storedBytes.getOrDefault(id, 0L),
                hasher,
                clock,
                credentialChanges::incrementAndGet,
                new NoEgress());
    }

    @AfterEach
    void closeInstallation() throws IOException {
        store.close();
    }

    /** A registry made through the service, on a tier. */
    RegistryRecord registry(String name, Tier tier) throws IOException {
        management.registryService().create(name, RegistryChange.NONE.withTier(tier));
        return registries.find(name).orElseThrow();
    }

    /** Asserts that the call is refused with the code, and returns the refusal. */
    static RegistryException refused(ErrorCode code, Executable call) {
        RegistryException e = assertThrows(RegistryException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }
}
