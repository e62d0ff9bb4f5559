package dev.berth.core.egress;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The way out of the server: hands out HTTP clients that connect only where the {@link EgressPolicy} allows,
 * checking every address at the moment of connecting (redirects and IP literals included) and connecting to exactly
 * that address. Implemented outside core (module {@code egress}); the server builds one and gives it to every
 * component that calls out.
 */
public interface Egress {
    /** A client with its own TLS trust and connect timeout; close it when done. */
    OutboundHttp http(Options options);

    /** The policy the clients enforce, for callers that must refuse a destination before opening anything. */
    EgressPolicy policy();

    /**
     * @param connectTimeout how long a TCP and TLS connection may take
     * @param tls the TLS context whose trust managers decide which certificates pass, or empty for the JDK's; a
     *     context whose trust manager is an {@code X509ExtendedTrustManager} also owns the host name check
     */
    record Options(Duration connectTimeout, Optional<SSLContext> tls) {
        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(tls, "tls");
        }

        public static Options connectingWithin(Duration connectTimeout) {
            return new Options(connectTimeout, Optional.empty());
        }

        public Options withTls(SSLContext context) {
            return new Options(connectTimeout, Optional.of(context));
        }
    }
}
