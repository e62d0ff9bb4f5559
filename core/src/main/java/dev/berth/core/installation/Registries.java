package dev.berth.core.installation;

import dev.berth.core.registry.RegistryResolver;
import dev.berth.core.spi.RegistryStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Finds registries by name and by the Host a request names. A registry answers on its login server
 * {@code <name>.<domain>}; any other host (the bare domain, an address, another name) reaches the default registry.
 * Lookups are cached for a few seconds, and forgotten at once when this installation changes a registry; other nodes
 * see a change within that time.
 */
public final class Registries implements RegistryResolver {
    private static final Duration FRESH = Duration.ofSeconds(5);

    private final RegistryStore store;
    private final String domainSuffix;
    private final String defaultName;
    private final IntSupplier publicPort;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<RegistryRecord> registry, Instant until) {}

    /**
     * @param domain the domain login servers end with, such as {@code localhost} or {@code registry.example.com}
     * @param defaultName the registry that answers on every host that names no registry
     * @param publicPort the port clients reach Berth on, part of every login server unless it is 443; asked each
     *     time, since it may be known only once the server listens
     */
    public Registries(RegistryStore store, String domain, String defaultName, IntSupplier publicPort, Clock clock) {
        this.store = store;
        this.domainSuffix = "." + withoutTrailingDot(domain.toLowerCase(Locale.ROOT));
        this.defaultName = defaultName;
        this.publicPort = publicPort;
        this.clock = clock;
    }

    /** The registry's login server: {@code <name>.<domain>[:<port>]}. */
    public String loginServer(String name) {
        int port = publicPort.getAsInt();
        return name + domainSuffix + (port == 443 || port <= 0 ? "" : ":" + port);
    }

    public String defaultName() {
        return defaultName;
    }

    @Override
    public Optional<RegistryRecord> resolve(String host) throws IOException {
        String name = hostName(host);
        if (name.endsWith(domainSuffix)) {
            String label = name.substring(0, name.length() - domainSuffix.length());
            if (!label.contains(".") && RegistryNames.problem(label).isEmpty()) {
                return find(label);
            }
            return Optional.empty();
        }
        return find(defaultName);
    }

    /** The registry of that name, case-insensitively. */
    public Optional<RegistryRecord> find(String name) throws IOException {
        String key = name.toLowerCase(Locale.ROOT);
        Cached cached = cache.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.registry();
        }
        Optional<RegistryRecord> found = store.find(key);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Cached(found, now.plus(FRESH)));
        return found;
    }

    /** Forgets what was cached, after a registry was created, changed or removed. */
    public void changed() {
        cache.clear();
    }

    /**
     * The host of a Host header in the form login servers are compared in: lower case, without the port, and without
     * the trailing dot of an absolute DNS name ({@code other.localhost.:5000} is {@code other.localhost}). An IPv6
     * literal keeps its brackets and loses only the port after them.
     */
    static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.lastIndexOf(':');
        return withoutTrailingDot(colon < 0 ? name : name.substring(0, colon));
    }

    private static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
