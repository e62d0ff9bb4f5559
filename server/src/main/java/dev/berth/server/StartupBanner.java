package dev.berth.server;

import dev.berth.server.config.BerthConfig;
import java.io.PrintStream;
import java.net.InetSocketAddress;

/**
 * What {@code berth serve} prints once it listens: each URL, where the data lives, how a client trusts the development
 * certificate authority, and a first command to try. Tests read the {@code berth: listening on} lines.
 */
final class StartupBanner {
    private StartupBanner() {}

    static void print(PrintStream out, BerthConfig config, Berth berth) {
        BerthConfig.Server server = config.server();
        String host = displayHost(server);
        int httpsPort = berth.tlsAddress()
                .map(InetSocketAddress::getPort)
                .orElse(server.tls().port());
        if (server.httpEnabled()) {
            out.printf(
                    "berth: listening on http://%s:%d%n", host, berth.address().getPort());
        }
        if (server.tls().enabled()) {
            out.printf("berth: listening on https://%s:%d%n", host, httpsPort);
        }
        out.printf("berth: data in %s%n", berth.dataDir());
        if (server.tls().enabled() && server.tls().certificate() instanceof BerthConfig.DevelopmentCertificate dev) {
            String authority = TlsSettings.authorityCertificate(dev).toString();
            out.printf("berth: HTTPS certificate authority (development): %s%n", authority);
            out.printf(
                    "berth: trust it: podman, skopeo, buildah: copy it to /etc/containers/certs.d/%s:%d/ca.crt;"
                            + " curl: --cacert %s%n",
                    host, httpsPort, authority);
        }
        if (server.httpEnabled()) {
            out.printf(
                    "berth: try: skopeo copy --dest-tls-verify=false%s oci:DIR docker://localhost:%d/app:1%n",
                    credentials(config), berth.address().getPort());
        } else {
            out.printf(
                    "berth: try: skopeo copy%s oci:DIR docker://%s:%d/app:1%n", credentials(config), host, httpsPort);
        }
        out.flush();
    }

    private static String credentials(BerthConfig config) {
        return config.auth().enabled() ? " --dest-creds admin:PASSWORD" : "";
    }

    private static String displayHost(BerthConfig.Server server) {
        return server.host().equals("0.0.0.0") ? "localhost" : server.host();
    }
}
