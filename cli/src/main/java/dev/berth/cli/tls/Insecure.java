package dev.berth.cli.tls;

import dev.berth.client.TlsContexts;
import dev.berth.client.Trust;
import java.io.IOException;
import javax.net.ssl.SSLContext;

/**
 * The TLS of {@code --insecure}, as {@code --tls-verify=false} is for podman and skopeo: any certificate, for any
 * host name, is accepted. The trust manager is the registry client's ({@link Trust#insecure()}), so the command line
 * and import trust alike.
 */
public final class Insecure {
    private Insecure() {}

    public static SSLContext context() {
        try {
            return TlsContexts.of(Trust.insecure());
        } catch (IOException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }
}
