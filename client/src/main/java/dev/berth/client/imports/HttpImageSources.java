package dev.berth.client.imports;

import dev.berth.client.ClientSettings;
import dev.berth.client.Credentials;
import dev.berth.client.RegistryAddress;
import dev.berth.client.RegistryClient;
import dev.berth.client.RegistryClientException;
import dev.berth.client.Trust;
import dev.berth.core.egress.Egress;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.imports.ImageSource;
import dev.berth.core.imports.ImportSource;
import dev.berth.core.imports.RemoteImageSources;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Opens remote import sources over HTTPS, with verified certificates, except for the registries an operator lists as
 * insecure (as Docker's {@code insecure-registries}): those may present any certificate or speak plain HTTP.
 * Opening pings the registry with the credentials, so an unreachable registry or refused credentials fail before
 * anything is read. Every connection goes through the installation's egress policy: a source on loopback or on
 * Berth's own port is refused before anything is sent, with the same message whether or not a port is open there.
 */
public final class HttpImageSources implements RemoteImageSources {
    /**
     * @param trust the certificates remote registries must present (the JDK's, or those of a PEM file)
     * @param insecureRegistries {@code host} (any port) or {@code host:port} entries, matched case-insensitively
     * @param timeout for connecting, for the first byte of each answer, and between reads of a body
     */
    public record Settings(Trust trust, List<String> insecureRegistries, Duration timeout) {
        public Settings {
            Objects.requireNonNull(trust, "trust");
            if (trust instanceof Trust.Insecure) {
                throw new IllegalArgumentException("list insecure registries one by one instead");
            }
            insecureRegistries = insecureRegistries.stream()
                    .map(entry -> entry.trim().toLowerCase(Locale.ROOT))
                    .filter(entry -> !entry.isEmpty())
                    .toList();
        }

        public static Settings defaults() {
            return new Settings(Trust.system(), List.of(), ClientSettings.DEFAULT_RESPONSE_TIMEOUT);
        }

        boolean isInsecure(RegistryAddress address) {
            Set<String> entries = Set.copyOf(insecureRegistries);
            String host = address.uri().getHost().toLowerCase(Locale.ROOT);
            return entries.contains(host)
                    || entries.contains(address.authority().toLowerCase(Locale.ROOT));
        }
    }

    private final Settings settings;
    private final Egress egress;

    /** @param egress the way out, whose policy every connection to a source (and its redirects) must pass */
    public HttpImageSources(Settings settings, Egress egress) {
        this.settings = settings;
        this.egress = egress;
    }

    @Override
    public ImageSource open(ImportSource.Remote source) throws IOException {
        RegistryAddress address = address(source.registryUri());
        RegistryClient client = RegistryClient.create(clientSettings(address, source), egress);
        try {
            client.ping();
        } catch (RegistryClientException e) {
            client.close();
            throw SourceFailures.of(e);
        }
        return new HttpImageSource(client, address);
    }

    private ClientSettings clientSettings(RegistryAddress address, ImportSource.Remote source) {
        boolean insecure = settings.isInsecure(address);
        if ("http".equals(address.uri().getScheme()) && !insecure) {
            throw new RegistryException(
                    ErrorCode.INVALID_REQUEST,
                    "plain HTTP is allowed only for registries the installation lists as insecure, not "
                            + address.authority());
        }
        ClientSettings client = ClientSettings.of(address.uri())
                .withTrust(insecure ? Trust.insecure() : settings.trust())
                .withTimeouts(settings.timeout());
        return source.credentials()
                .map(c -> client.withCredentials(credentials(c)))
                .orElse(client);
    }

    private static Credentials credentials(ImportSource.Credentials credentials) {
        try {
            return new Credentials(credentials.username(), credentials.password());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, "source.credentials: " + e.getMessage());
        }
    }

    private static RegistryAddress address(String registryUri) {
        try {
            return RegistryAddress.parse(registryUri);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, "source.registryUri: " + e.getMessage());
        }
    }
}
