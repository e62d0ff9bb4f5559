package dev.berth.client;

import static dev.berth.client.RegistryClientTest.assertKind;
import static dev.berth.client.RegistryClientTest.name;
import static dev.berth.client.RegistryClientTest.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.RegistryClientException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Docker token authentication against a Berth that requires it, and the failures a user can act on. */
@Timeout(30)
class RegistryClientAuthTest {
    private static TestRegistry berth;
    private static TestImages.Manifest image;

    @BeforeAll
    static void start() throws Exception {
        berth = TestRegistry.secured();
        image = TestImages.image("amd64");
        berth.push("team/app", "1", image);
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    @Test
    void pullsWithATokenFetchedWithTheCredentials() throws Exception {
        try (RegistryClient client = client("puller", "puller-pw")) {
            client.ping();
            assertArrayEquals(
                    image.content(), client.manifest(name("team/app"), tag("1")).content());
            try (BlobStream blob =
                    client.blob(name("team/app"), image.blobs().get(1).digest())) {
                assertArrayEquals(image.blobs().get(1).content(), blob.readAllBytes());
            }
        }
    }

    @Test
    void aWrongPasswordIsUnauthorizedAlreadyAtThePing() throws Exception {
        try (RegistryClient client = client("puller", "wrong")) {
            RegistryClientException e = assertKind(Kind.UNAUTHORIZED, () -> {
                client.ping();
                return null;
            });
            assertTrue(e.getMessage().contains("refused the credentials of user puller"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong"), "the password never shows");
        }
    }

    @Test
    void withoutCredentialsAPullIsUnauthorized() throws Exception {
        try (RegistryClient client = RegistryClient.create(ClientSettings.of(berth.uri()), TestEgress.LOOPBACK)) {
            RegistryClientException e =
                    assertKind(Kind.UNAUTHORIZED, () -> client.manifest(name("team/app"), tag("1")));
            assertTrue(e.getMessage().contains("requires credentials"), e.getMessage());
        }
    }

    @Test
    void aUserWithoutTheRightToPullIsDenied() throws Exception {
        try (RegistryClient client = client("nobody", "nobody-pw")) {
            client.ping();
            assertKind(Kind.DENIED, () -> client.manifest(name("team/app"), tag("1")));
        }
    }

    private static RegistryClient client(String user, String password) throws Exception {
        return RegistryClient.create(
                ClientSettings.of(berth.uri()).withCredentials(new Credentials(user, password)), TestEgress.LOOPBACK);
    }
}
