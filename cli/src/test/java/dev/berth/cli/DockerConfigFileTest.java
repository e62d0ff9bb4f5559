package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {
    private static final LoginServer SERVER = new LoginServer("127.0.0.1:5000");
    private static final String EXISTING = """
            {
              "auths": {
                "registry.example.com": {"auth": "dXNlcjpwdw==", "email": "me@example.com"},
                "https://index.docker.io/v1/": {}
              },
              "credHelpers": {"myregistry.azurecr.io": "acr-env", "gcr.io": "gcloud"},
              "HttpHeaders": {"User-Agent": "Docker-Client/24"},
              "psFormat": "table {{.ID}}",
              "detachKeys": "ctrl-e,e",
              "size": 12345678901234567890,
              "ratio": 0.1000000000000000055511151231257827
            }
            """;

    @TempDir
    Path dir;

    @Test
    void storingCredentialsAddsTheServersEntryAndKeepsEveryOtherEntryAndField() throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, EXISTING);

        new DockerConfigFile(path).storeCredentials(SERVER, "user", "secret");

        JsonNode before = parse(EXISTING);
        JsonNode after = parse(Files.readString(path));
        assertEquals("user:secret", decodeAuth(after.path("auths").path("127.0.0.1:5000")));
        assertEquals(List.of("auth"), fieldNames(after.path("auths").path("127.0.0.1:5000")));
        ((ObjectNode) after.path("auths")).remove("127.0.0.1:5000");
        assertEquals(before, after);
        assertTrue(Files.readString(path).contains("12345678901234567890"));
        assertTrue(Files.readString(path).contains("0.1000000000000000055511151231257827"));
    }

    @Test
    void storingCredentialsLeavesCredentialHelpersUntouchedAndReportsTheOneDockerWouldAsk() throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, """
                {"credHelpers": {"127.0.0.1:5000": "pass", "gcr.io": "gcloud"}, "credsStore": "desktop"}
                """);

        Optional<String> helper = new DockerConfigFile(path).storeCredentials(SERVER, "user", "secret");

        JsonNode after = parse(Files.readString(path));
        assertEquals(Optional.of("pass"), helper);
        assertEquals(parse("{\"127.0.0.1:5000\": \"pass\", \"gcr.io\": \"gcloud\"}"), after.path("credHelpers"));
        assertEquals("desktop", after.path("credsStore").asText());
        assertEquals("user:secret", decodeAuth(after.path("auths").path("127.0.0.1:5000")));
    }

    @Test
    void theCredentialsStoreCountsWhenNoHelperNamesTheServer() throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{\"credsStore\": \"desktop\"}");

        assertEquals(Optional.of("desktop"), new DockerConfigFile(path).storeCredentials(SERVER, "user", "secret"));
        assertEquals(
                Optional.empty(), new DockerConfigFile(dir.resolve("other.json")).storeCredentials(SERVER, "u", "p"));
    }

    @Test
    void aSecondLoginReplacesTheWholeEntrySoNoStaleIdentityTokenWins() throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, """
                {"auths": {"127.0.0.1:5000": {"auth": "b2xkOm9sZA==", "identitytoken": "stale"}}}
                """);

        new DockerConfigFile(path).storeCredentials(SERVER, "user", "new");

        JsonNode entry = parse(Files.readString(path)).path("auths").path("127.0.0.1:5000");
        assertEquals(List.of("auth"), fieldNames(entry));
        assertEquals("user:new", decodeAuth(entry));
    }

    @Test
    void theFileIsWrittenWithMode0600EvenWhereItWasReadableByOthers() throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        new DockerConfigFile(path).storeCredentials(SERVER, "user", "secret");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void aMissingFileAndItsDirectoryAreCreatedForTheOwnerOnly() throws IOException {
        Path path = dir.resolve("home/.docker/config.json");

        new DockerConfigFile(path).storeCredentials(SERVER, "user", "secret");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
        assertEquals(
                "user:secret",
                decodeAuth(parse(Files.readString(path)).path("auths").path("127.0.0.1:5000")));
    }

    @Test
    void aBlankFileCountsAsEmpty() throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "  \n");

        new DockerConfigFile(path).storeCredentials(SERVER, "user", "secret");

        assertEquals(List.of("auths"), fieldNames(parse(Files.readString(path))));
    }

    @Test
    void aFileThatIsNotAJsonObjectIsLeftAloneAndNoTemporaryFileRemains() throws IOException {
        for (String content : List.of("{\"auths\": ", "[1, 2]", "{\"auths\": []}", "{} {}")) {
            Path path = dir.resolve("config.json");
            Files.writeString(path, content);
            DockerConfigFile file = new DockerConfigFile(path);

            assertThrows(IOException.class, file::check, content);
            assertThrows(IOException.class, () -> file.storeCredentials(SERVER, "user", "secret"), content);

            assertEquals(content, Files.readString(path));
            assertEquals(List.of(path), listDir());
        }
    }

    @Test
    void theReplacementIsAtomicLeavingOnlyTheFileItself() throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, EXISTING);

        new DockerConfigFile(path).storeCredentials(SERVER, "user", "secret");
        new DockerConfigFile(path).storeCredentials(new LoginServer("localhost:5000"), "user", "secret");

        assertEquals(List.of(path), listDir());
        assertEquals(4, fieldNames(parse(Files.readString(path)).path("auths")).size());
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("docker-config.json");
        Files.writeString(real, "{\"psFormat\": \"x\"}");
        Path link = Files.createSymbolicLink(dir.resolve("config.json"), real);

        new DockerConfigFile(link).storeCredentials(SERVER, "user", "secret");

        assertTrue(Files.isSymbolicLink(link));
        JsonNode config = parse(Files.readString(real));
        assertEquals("x", config.path("psFormat").asText());
        assertEquals("user:secret", decodeAuth(config.path("auths").path("127.0.0.1:5000")));
    }

    @Test
    void theFileIsFoundAsTheDockerCliFindsIt() {
        Path explicit = dir.resolve("mine.json");

        assertEquals(
                explicit,
                DockerConfigFile.locate(explicit, Map.of("DOCKER_CONFIG", "/d")).path());
        assertEquals(
                Path.of("/d/config.json"),
                DockerConfigFile.locate(null, Map.of("DOCKER_CONFIG", "/d", "HOME", "/h"))
                        .path());
        assertEquals(
                Path.of("/h/.docker/config.json"),
                DockerConfigFile.locate(null, Map.of("DOCKER_CONFIG", "", "HOME", "/h"))
                        .path());
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static JsonNode parse(String json) throws IOException {
        return new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String decodeAuth(JsonNode entry) {
        return new String(Base64.getDecoder().decode(entry.path("auth").asText()), StandardCharsets.UTF_8);
    }
}
