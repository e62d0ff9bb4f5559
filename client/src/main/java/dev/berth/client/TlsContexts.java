package dev.berth.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The {@link SSLContext} for each kind of {@link Trust}; the command line uses it too. */
public final class TlsContexts {
    private TlsContexts() {}

    public static SSLContext of(Trust trust) throws IOException {
        try {
            return switch (trust) {
                case Trust.Default d -> SSLContext.getDefault();
                case Trust.Authorities a -> authorities(a);
                case Trust.Insecure i -> context(new TrustManager[] {new AnyCertificate()});
            };
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static SSLContext authorities(Trust.Authorities trust) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> authorities;
        try (InputStream in = Files.newInputStream(trust.pemFile())) {
            authorities = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (authorities.isEmpty()) {
            throw new IOException(trust.pemFile() + " holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate authority : authorities) {
            store.setCertificateEntry("authority-" + i++, authority);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return context(factory.getTrustManagers());
    }

    private static SSLContext context(TrustManager[] managers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers, null);
        return context;
    }

    /**
     * Accepts every certificate. Being an {@link X509ExtendedTrustManager}, it also takes over the host name check the
     * JDK would otherwise add, so a certificate for another name passes too.
     */
    private static final class AnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
