package dev.berth.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Keys and certificates for tests, written in each PEM form OpenSSL produces. */
final class TestKeys {
    /** The OID of P-256 as {@code openssl ecparam -genkey} writes it before a SEC1 key. */
    static final String EC_PARAMETERS_P256 =
            "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

    /** The JDK has no AES with PKCS#7 padding by that name; only the tests encrypt keys, so only they need BC's. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private TestKeys() {}

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ec() {
        return Keys.generate();
    }

    /** A self-signed certificate for the key pair, as {@code openssl req -x509} makes. */
    static X509Certificate selfSigned(KeyPair keys, String commonName) throws Exception {
        X500Name name = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))),
                name,
                keys.getPublic());
        var signer = new JcaContentSignerBuilder(Keys.signatureAlgorithm(keys.getPrivate())).build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** PKCS#8, {@code -----BEGIN PRIVATE KEY-----}. */
    static String pkcs8(PrivateKey key) throws IOException {
        return pem(new JcaPKCS8Generator(key, null));
    }

    /** PKCS#1, {@code -----BEGIN RSA PRIVATE KEY-----}, OpenSSL's traditional form for RSA. */
    static String pkcs1(PrivateKey rsaKey) throws IOException {
        return pem(rsaKey);
    }

    /**
     * SEC1, {@code -----BEGIN EC PRIVATE KEY-----}, with the curve and the public key in it as OpenSSL writes them
     * (BC's writer would leave both out of a JDK key).
     */
    static String sec1(KeyPair ecKeys) throws IOException {
        SubjectPublicKeyInfo publicKey =
                SubjectPublicKeyInfo.getInstance(ecKeys.getPublic().getEncoded());
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                256,
                ((ECPrivateKey) ecKeys.getPrivate()).getS(),
                publicKey.getPublicKeyData(),
                publicKey.getAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    /** PKCS#8 encrypted with a password, {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}. */
    static String encryptedPkcs8(PrivateKey key) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(BOUNCY_CASTLE)
                .setPassword("secret".toCharArray())
                .build();
        return pem(new JcaPKCS8Generator(key, encryptor));
    }

    /** The traditional form encrypted the old OpenSSL way ({@code Proc-Type: 4,ENCRYPTED}). */
    static String encryptedTraditional(PrivateKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(
                    key,
                    new JcePEMEncryptorBuilder("AES-128-CBC")
                            .setProvider(BOUNCY_CASTLE)
                            .build("secret".toCharArray()));
        }
        return out.toString();
    }

    static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }
}
