package dev.berth.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a TLS server presents: its private key and its certificate chain, the server's own certificate first and
 * then any intermediates, as a PEM bundle from a CA lists them. The key must belong to the first certificate.
 */
public record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {
    /** The alias of the key entry in {@link #toKeyStore}. */
    public static final String ALIAS = "berth";

    /** @throws IllegalArgumentException when the chain is empty or the key is not the certificate's */
    public ServerIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate for the server");
        }
        if (!Keys.belongTogether(key, chain.getFirst().getPublicKey())) {
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                    + chain.getFirst().getSubjectX500Principal().getName());
        }
    }

    /**
     * Reads a PEM certificate chain and a PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted).
     *
     * @throws IOException naming the file when either is missing, unreadable, or the key is not the certificate's
     */
    public static ServerIdentity load(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        try {
            return new ServerIdentity(key, chain);
        } catch (IllegalArgumentException e) {
            throw new IOException(keyFile + ": " + e.getMessage(), e);
        }
    }

    /** The server's own certificate. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** An in-memory PKCS#12 key store holding the key and chain under {@link #ALIAS}, protected by the password. */
    public KeyStore toKeyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK cannot hold this key in a PKCS#12 key store", e);
        }
    }
}
