package dev.berth.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
    @TempDir
    Path dir;

    @Test
    void readsAPkcs8EcKey() throws Exception {
        KeyPair keys = TestKeys.ec();
        String pem = TestKeys.pkcs8(keys.getPrivate());

        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), pem);
        assertLoads(keys, pem);
    }

    @Test
    void readsAPkcs8RsaKey() throws Exception {
        KeyPair keys = TestKeys.rsa();

        assertLoads(keys, TestKeys.pkcs8(keys.getPrivate()));
    }

    @Test
    void readsAPkcs1RsaKey() throws Exception {
        KeyPair keys = TestKeys.rsa();
        String pem = TestKeys.pkcs1(keys.getPrivate());

        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem);
        assertLoads(keys, pem);
    }

    @Test
    void readsASec1EcKey() throws Exception {
        KeyPair keys = TestKeys.ec();
        String pem = TestKeys.sec1(keys);

        assertTrue(pem.startsWith("-----BEGIN EC PRIVATE KEY-----"), pem);
        assertLoads(keys, pem);
    }

    @Test
    void readsASec1EcKeyAfterTheParametersBlockOpensslWritesFirst() throws Exception {
        KeyPair keys = TestKeys.ec();

        assertLoads(keys, TestKeys.EC_PARAMETERS_P256 + TestKeys.sec1(keys));
    }

    @Test
    void readsTheKeyFromAFileThatAlsoHoldsTheCertificate() throws Exception {
        KeyPair keys = TestKeys.ec();
        String both = TestKeys.pem(TestKeys.selfSigned(keys, "both")) + TestKeys.pkcs8(keys.getPrivate());
        Path file = TestKeys.write(dir.resolve("both.pem"), both);

        ServerIdentity identity = ServerIdentity.load(file, file);

        assertEquals(keys.getPublic(), identity.certificate().getPublicKey());
    }

    @Test
    void encryptedKeysAreRefusedWithHowToDecryptThem() throws Exception {
        KeyPair keys = TestKeys.rsa();
        for (String pem :
                List.of(TestKeys.encryptedPkcs8(keys.getPrivate()), TestKeys.encryptedTraditional(keys.getPrivate()))) {
            IOException e = assertThrows(IOException.class, () -> load(keys, pem));

            assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
            assertTrue(e.getMessage().contains("openssl pkey"), e.getMessage());
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() throws Exception {
        KeyPair keys = TestKeys.ec();
        Path cert = TestKeys.write(dir.resolve("cert.pem"), TestKeys.pem(TestKeys.selfSigned(keys, "a")));
        Path otherKey = TestKeys.write(
                dir.resolve("key.pem"), TestKeys.pkcs8(TestKeys.ec().getPrivate()));

        IOException e = assertThrows(IOException.class, () -> ServerIdentity.load(cert, otherKey));

        assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
        assertTrue(e.getMessage().startsWith(otherKey.toString()), e.getMessage());
    }

    @Test
    void filesWithoutWhatTheyShouldHoldAreRefusedByName() throws Exception {
        KeyPair keys = TestKeys.ec();
        Path key = TestKeys.write(dir.resolve("key.pem"), TestKeys.pkcs8(keys.getPrivate()));
        Path cert = TestKeys.write(dir.resolve("cert.pem"), TestKeys.pem(TestKeys.selfSigned(keys, "a")));
        Path garbage = TestKeys.write(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\n!!!\n");

        assertMessage(key + ": no PEM CERTIFICATE block", () -> ServerIdentity.load(key, key));
        assertMessage(cert + ": no PEM private key", () -> ServerIdentity.load(cert, cert));
        assertMessage(garbage + ": unreadable certificate", () -> ServerIdentity.load(garbage, key));
        assertMessage(
                dir.resolve("none.pem") + ": no such file", () -> ServerIdentity.load(dir.resolve("none.pem"), key));
    }

    @Test
    void theChainKeepsItsOrderAndGoesIntoTheKeyStoreAsIs() throws Exception {
        Authority authority = new CertificateIssuer(Clock.systemUTC()).newAuthority();
        ServerIdentity server = new CertificateIssuer(Clock.systemUTC()).issueServer(authority, HostNames.of("a.test"));
        String bundle = TestKeys.pem(server.certificate()) + TestKeys.pem(authority.certificate());
        Path cert = TestKeys.write(dir.resolve("chain.pem"), bundle);
        Path key = TestKeys.write(dir.resolve("key.pem"), TestKeys.pkcs8(server.key()));

        ServerIdentity loaded = ServerIdentity.load(cert, key);
        KeyStore store = loaded.toKeyStore("pw".toCharArray());

        assertEquals(List.of(server.certificate(), authority.certificate()), loaded.chain());
        Certificate[] stored = store.getCertificateChain(ServerIdentity.ALIAS);
        assertArrayEquals(new X509Certificate[] {server.certificate(), authority.certificate()}, stored);
        assertArrayEquals(
                server.key().getEncoded(),
                store.getKey(ServerIdentity.ALIAS, "pw".toCharArray()).getEncoded());
    }

    private void assertLoads(KeyPair keys, String keyPem) throws Exception {
        ServerIdentity identity = load(keys, keyPem);

        assertEquals(keys.getPublic(), identity.certificate().getPublicKey());
        assertEquals(keys.getPrivate().getAlgorithm(), identity.key().getAlgorithm());
    }

    private ServerIdentity load(KeyPair keys, String keyPem) throws Exception {
        Path cert = TestKeys.write(dir.resolve("cert.pem"), TestKeys.pem(TestKeys.selfSigned(keys, "test")));
        Path key = TestKeys.write(dir.resolve("key.pem"), keyPem);
        return ServerIdentity.load(cert, key);
    }

    private static void assertMessage(String expectedStart, org.junit.jupiter.api.function.Executable call) {
        IOException e = assertThrows(IOException.class, call);
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
