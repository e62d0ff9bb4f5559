package dev.berth.cli.api;

import dev.berth.cli.tls.Insecure;
import dev.berth.cli.tls.TrustedAuthorities;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/** The {@code java.net.http} clients behind a {@link ManagementClient}: HTTP/1.1, no redirects, the TLS asked for. */
final class Clients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private Clients() {}

    static HttpClient build(String scheme, TlsOptions tls) throws ApiException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (scheme.equals("https")) {
            if (tls.insecure()) {
                builder.sslContext(Insecure.context());
            } else if (tls.caFile().isPresent()) {
                try {
                    builder.sslContext(TrustedAuthorities.from(tls.caFile().get()));
                } catch (IOException e) {
                    throw ApiException.noAnswer(e.getMessage(), e);
                }
            }
        }
        return builder.build();
    }
}
