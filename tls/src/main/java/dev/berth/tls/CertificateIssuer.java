package dev.berth.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the development certificates: a self-signed authority that may sign end-entity certificates only (path
 * length 0), and server certificates for a set of host names (subject alternative names, server authentication
 * only). Both are backdated an hour for clocks that disagree a little; a server certificate never outlives its
 * authority.
 */
final class CertificateIssuer {
    static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3650);
    static final Duration SERVER_VALIDITY = Duration.ofDays(365);
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    CertificateIssuer(Clock clock) {
        this.clock = clock;
    }

    Authority newAuthority() {
        KeyPair keys = Keys.generate();
        Instant now = clock.instant();
        X500Name name = name("Berth development CA " + now.truncatedTo(ChronoUnit.SECONDS));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                serial(),
                Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(AUTHORITY_VALIDITY)),
                name,
                keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions().createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return new Authority(sign(builder, keys.getPrivate()), keys.getPrivate());
    }

    ServerIdentity issueServer(Authority authority, HostNames names) {
        KeyPair keys = Keys.generate();
        Instant now = clock.instant();
        Instant notAfter = min(
                now.plus(SERVER_VALIDITY), authority.certificate().getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                authority.certificate(),
                serial(),
                Date.from(now.minus(BACKDATE)),
                Date.from(notAfter),
                name(names.names().getFirst()),
                keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = extensions();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    extensions.createAuthorityKeyIdentifier(authority.certificate()));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate certificate = sign(builder, authority.key());
        return new ServerIdentity(keys.getPrivate(), List.of(certificate));
    }

    private static GeneralNames alternativeNames(HostNames names) {
        return new GeneralNames(names.names().stream()
                .map(name -> new GeneralName(
                        HostNames.isIpAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
                .toArray(GeneralName[]::new));
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Berth")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            var signer = new JcaContentSignerBuilder(Keys.signatureAlgorithm(key)).build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate with a " + key.getAlgorithm() + " key", e);
        }
    }

    private static JcaX509ExtensionUtils extensions() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-1 for key identifiers", e);
        }
    }

    /** A positive serial number of 128 random bits, as RFC 5280 asks (at most 20 octets, unpredictable). */
    private static BigInteger serial() {
        return new BigInteger(128, RANDOM).add(BigInteger.ONE);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
