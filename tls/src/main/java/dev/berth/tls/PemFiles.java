package dev.berth.tls;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files in and out. Reads certificates ({@code CERTIFICATE}) and unencrypted private keys in the three forms
 * OpenSSL writes: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC ({@code EC PRIVATE
 * KEY}, with or without an {@code EC PARAMETERS} block before it). Writes certificates and PKCS#8 keys through a
 * temporary file that is synced and renamed into place; keys are readable by their owner only.
 */
final class PemFiles {
    private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PemFiles() {}

    /** The certificates in the file, in order; anything else in it is skipped. */
    static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object block : blocks(file, "certificate")) {
            if (block instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(CERTIFICATES.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new IOException(file + ": unreadable certificate: " + e.getMessage(), e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + ": no PEM CERTIFICATE block");
        }
        return certificates;
    }

    /** The first private key in the file. */
    static PrivateKey readPrivateKey(Path file) throws IOException {
        for (Object block : blocks(file, "private key")) {
            switch (block) {
                case PrivateKeyInfo pkcs8 -> {
                    return KEYS.getPrivateKey(pkcs8);
                }
                case PEMKeyPair pkcs1OrSec1 -> {
                    return KEYS.getPrivateKey(pkcs1OrSec1.getPrivateKeyInfo());
                }
                case PKCS8EncryptedPrivateKeyInfo _, PEMEncryptedKeyPair _ ->
                    throw new IOException(file + ": the private key is encrypted; Berth reads unencrypted keys only"
                            + " (decrypt it with: openssl pkey -in KEY -out PLAIN_KEY)");
                default -> {
                    // EC PARAMETERS, certificates: not the key
                }
            }
        }
        throw new IOException(file + ": no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(pem("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateException e) {
                throw new IllegalStateException("a certificate that cannot be encoded", e);
            }
        }
        write(file, pem.toString(), "rw-r--r--");
    }

    /** Writes the key as PKCS#8, readable and writable by its owner only. */
    static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        write(file, pem("PRIVATE KEY", key.getEncoded()), "rw-------");
    }

    private static List<Object> blocks(Path file, String what) throws IOException {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            for (Object block; (block = parser.readObject()) != null; ) {
                blocks.add(block);
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": unreadable " + what + ": " + e.getMessage(), e);
        }
        return blocks;
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String text, String permissions) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
        try {
            if (POSIX) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
            }
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
