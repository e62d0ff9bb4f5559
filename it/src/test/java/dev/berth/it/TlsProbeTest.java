package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code --tls-verify=false} (skopeo, podman, buildah) or {@code allowInsecureRegistries} (Jib) every client
 * first tries {@code https://HOST/v2/} and falls back to plain HTTP only when that fails. Berth speaks plain HTTP,
 * so it must refuse the TLS ClientHello at once rather than wait for more bytes.
 */
@Timeout(30)
class TlsProbeTest {
    private static final int PATIENCE_MILLIS = 5000;

    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create();

    @Test
    void aTlsClientHelloIsRefusedAtOnceSoClientsFallBackToHttp() throws Exception {
        String[] hostAndPort = berth.host().split(":");
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])), PATIENCE_MILLIS);
            plain.setSoTimeout(PATIENCE_MILLIS);
            SSLSocket tls = (SSLSocket) SSLContext.getDefault()
                    .getSocketFactory()
                    .createSocket(plain, hostAndPort[0], Integer.parseInt(hostAndPort[1]), true);

            SSLException refused = assertThrows(SSLException.class, tls::startHandshake);

            if (refused.getCause() instanceof SocketTimeoutException) {
                throw new AssertionError("Berth kept the TLS handshake waiting", refused);
            }
        }
    }
}
