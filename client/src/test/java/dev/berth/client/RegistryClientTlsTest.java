package dev.berth.client;

import static dev.berth.client.RegistryClientTest.assertKind;
import static dev.berth.client.RegistryClientTest.name;
import static dev.berth.client.RegistryClientTest.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.RegistryClientException.Kind;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS verified against a private authority, HTTPS not verified, and the fall back to plain HTTP. */
@Timeout(30)
class RegistryClientTlsTest {
    @Test
    void trustsTheAuthorityOfAPemFile() throws Exception {
        try (TestRegistry berth = TestRegistry.https();
                RegistryClient client = RegistryClient.create(
                        ClientSettings.of(berth.uri()).withTrust(Trust.authorities(berth.authority())),
                        TestEgress.LOOPBACK)) {
            TestImages.Manifest image = TestImages.image("amd64");
            berth.push("tls/app", "1", image);

            assertArrayEquals(
                    image.content(), client.manifest(name("tls/app"), tag("1")).content());
        }
    }

    @Test
    void refusesACertificateTheJdkDoesNotTrust() throws Exception {
        try (TestRegistry berth = TestRegistry.https();
                RegistryClient client = RegistryClient.create(ClientSettings.of(berth.uri()), TestEgress.LOOPBACK)) {
            RegistryClientException e = assertKind(Kind.UNREACHABLE, () -> {
                client.ping();
                return null;
            });
            assertTrue(e.getMessage().contains("TLS"), e.getMessage());
        }
    }

    @Test
    void insecureAcceptsAnyCertificate() throws Exception {
        try (TestRegistry berth = TestRegistry.https();
                RegistryClient client = RegistryClient.create(
                        ClientSettings.of(berth.uri()).withTrust(Trust.insecure()), TestEgress.LOOPBACK)) {
            client.ping();

            assertEquals("https", client.registry().getScheme());
        }
    }

    @Test
    void insecureFallsBackToPlainHttpWhenThereIsNoTls() throws Exception {
        try (TestRegistry berth = TestRegistry.open();
                RegistryClient client = RegistryClient.create(
                        ClientSettings.of(URI.create("https://" + berth.host())).withTrust(Trust.insecure()),
                        TestEgress.LOOPBACK)) {
            TestImages.Manifest image = TestImages.image("amd64");
            berth.push("plain/app", "1", image);

            client.ping();

            assertEquals(berth.uri(), client.registry());
            assertArrayEquals(
                    image.content(),
                    client.manifest(name("plain/app"), tag("1")).content());
        }
    }

    @Test
    void afterFallingBackToPlainHttpItSignsInThereToo() throws Exception {
        try (TestRegistry berth = TestRegistry.secured();
                RegistryClient client = RegistryClient.create(
                        ClientSettings.of(URI.create("https://" + berth.host()))
                                .withTrust(Trust.insecure())
                                .withCredentials(new Credentials("puller", "puller-pw")),
                        TestEgress.LOOPBACK)) {
            TestImages.Manifest image = TestImages.image("amd64");
            berth.push("plain/secured", "1", image);

            client.ping();

            assertArrayEquals(
                    image.content(),
                    client.manifest(name("plain/secured"), tag("1")).content());
        }
    }
}
