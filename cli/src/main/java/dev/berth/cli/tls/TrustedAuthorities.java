package dev.berth.cli.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of {@code --ca-file}: certificates are verified (host name included) against the authorities in one PEM
 * file, such as the development CA that {@code berth serve --tls} creates, instead of the system's.
 */
public final class TrustedAuthorities {
    private TrustedAuthorities() {}

    /** @throws IOException naming the file, when it cannot be read or holds no usable certificate */
    public static SSLContext from(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> authorities =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (authorities.isEmpty()) {
                throw new IOException(pem + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate authority : authorities) {
                store.setCertificateEntry("authority-" + i++, authority);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("cannot use " + pem + " as a certificate authority: " + e.getMessage(), e);
        }
    }
}
