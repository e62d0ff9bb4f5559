package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoginCommandTest {
    private static final String NULL_GUID = "00000000-0000-0000-0000-000000000000";

    @TempDir
    static Path keys;

    private static Path selfSigned;

    @TempDir
    Path home;

    @BeforeAll
    static void makeACertificate() throws Exception {
        selfSigned = FakeTokenService.selfSigned(keys);
    }

    /** What a run printed and how it ended. */
    record Run(int exitCode, String out, String err) {}

    private Run loginWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new LoginCommand(
                Map.of("HOME", home.toString()), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run login(String... args) {
        return loginWithInput("", args);
    }

    private Path defaultConfig() {
        return home.resolve(".docker/config.json");
    }

    @Test
    void everyOptionParses() {
        LoginCommand login = new LoginCommand(Map.of(), InputStream.nullInputStream());
        new CommandLine(login)
                .parseArgs(
                        "[::1]:5000", "-u", "admin", "--password-stdin", "--insecure", "--config-file", "/tmp/c.json");

        assertEquals(new LoginServer("[::1]:5000"), login.server);
        assertEquals("admin", login.username);
        assertNull(login.password);
        assertTrue(login.passwordStdin);
        assertTrue(login.insecure);
        assertFalse(login.exposeToken);
        assertEquals(Path.of("/tmp/c.json"), login.configFile);
    }

    @Test
    void theLongAndShortNamesMeanTheSame() {
        LoginCommand login = new LoginCommand(Map.of(), InputStream.nullInputStream());
        new CommandLine(login)
                .parseArgs("registry.example.com", "--username", "u", "--password", "p", "--expose-token");

        assertEquals("registry.example.com", login.server.value());
        assertEquals("u", login.username);
        assertEquals("p", login.password);
        assertTrue(login.exposeToken);
        assertFalse(login.insecure);
    }

    @Test
    void aMissingServerOrUserIsAUsageError() {
        assertEquals(2, login("-u", "admin", "-p", "pw").exitCode());
        Run noUser = login("127.0.0.1:5000", "-p", "pw");
        assertEquals(2, noUser.exitCode());
        assertTrue(noUser.err().contains("--username"), noUser.err());
    }

    @Test
    void aServerWithASchemePathOrUserIsAUsageError() {
        for (String server : List.of("https://127.0.0.1:5000", "127.0.0.1:5000/v2", "me@host", "host?x", " host", "")) {
            Run run = login(server, "-u", "admin", "-p", "pw");

            assertEquals(2, run.exitCode(), server);
            assertTrue(run.err().contains("is not a login server"), run.err());
        }
    }

    @Test
    void aPasswordGivenTwoWaysIsAUsageError() {
        Run run = loginWithInput("pw\n", "127.0.0.1:5000", "-u", "admin", "-p", "pw", "--password-stdin");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not both"), run.err());
    }

    @Test
    void noPasswordAndNoTerminalIsAUsageError() {
        Run run = login("127.0.0.1:5000", "-u", "admin");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no password"), run.err());
    }

    @Test
    void anEmptyPasswordIsAUsageError() {
        assertEquals(
                2,
                loginWithInput("\n", "127.0.0.1:5000", "-u", "admin", "--password-stdin")
                        .exitCode());
    }

    @Test
    void exposingTheTokenWithAConfigFileIsAUsageError() {
        Run run = login("127.0.0.1:5000", "-u", "admin", "-p", "pw", "--expose-token", "--config-file", "/tmp/x");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--expose-token"), run.err());
    }

    @Test
    void theHelpListsTheExitCodes() {
        Run run = login("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("1   no Berth token service"), run.out());
        assertTrue(run.out().contains("3   the server refused the credentials"), run.out());
    }

    @Test
    void insecureFallsBackToPlainHttpAndStoresTheRefreshTokenInTheDefaultFile() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            Run run = login(service.server(), "-u", "admin", "-p", "s3cret&=", "--insecure");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals("Login Succeeded\n", run.out());
            assertEquals(
                    List.of(Map.of(
                            "grant_type", "password",
                            "service", service.server(),
                            "username", "admin",
                            "password", "s3cret&=")),
                    service.forms());
            assertEquals(NULL_GUID + ":refresh-1", auth(defaultConfig(), service.server()));
        }
    }

    @Test
    void theSignInIsSavedForTheManagementCommandsWithTheSchemeThatWorkedReadableByTheOwnerOnly() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            Run run = login(service.server(), "-u", "admin", "-p", "s3cret", "--insecure");

            assertEquals(0, run.exitCode(), run.err());
            Path saved = home.resolve(".config/berth/cli.json");
            JsonNode config = new ObjectMapper().readTree(saved.toFile());
            assertEquals("http://" + service.server(), config.path("server").asText());
            assertEquals("admin", config.path("username").asText());
            assertEquals("s3cret", config.path("password").asText());
            assertTrue(config.path("insecure").asBoolean());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
            assertTrue(run.err().contains("saved the sign-in"), run.err());
        }
    }

    @Test
    void exposingTheTokenSavesNoSignIn() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            Run run = login(service.server(), "-u", "admin", "-p", "s3cret", "--insecure", "--expose-token");

            assertEquals(0, run.exitCode(), run.err());
            assertFalse(Files.exists(home.resolve(".config/berth/cli.json")));
        }
    }

    @Test
    void thePasswordFromStandardInputLosesOnlyItsTrailingLineBreak() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            Path config = home.resolve("c.json");
            for (String typed : List.of("p w \n", "p w \r\n", "p w ")) {
                loginWithInput(
                        typed,
                        service.server(),
                        "-u",
                        "admin",
                        "--password-stdin",
                        "--insecure",
                        "--config-file",
                        "" + config);
            }

            assertEquals(List.of("p w ", "p w ", "p w "), passwords(service));
            assertTrue(Files.exists(config));
        }
    }

    @Test
    void wrongCredentialsExitWith3AndWriteNothing() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            service.answer(401, """
                    {"errors": [{"code": "UNAUTHORIZED", "message": "invalid user name or password"}]}""");

            Run run = login(service.server(), "-u", "admin", "-p", "wrong", "--insecure");

            assertEquals(3, run.exitCode());
            assertTrue(run.err().contains("refused the credentials: invalid user name or password"), run.err());
            assertEquals("", run.out());
            assertFalse(Files.exists(home.resolve(".docker")));
        }
    }

    @Test
    void aServerNobodyListensOnExitsWith1() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = login("127.0.0.1:" + port, "-u", "admin", "-p", "pw", "--insecure");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("over HTTPS (connection refused) nor over HTTP (connection refused)"), run.err());
        assertFalse(Files.exists(home.resolve(".docker")));
    }

    @Test
    void withoutInsecureAPlainHttpServerIsNeverSentThePassword() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            Run run = login(service.server(), "-u", "admin", "-p", "pw");

            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("cannot reach https://" + service.server()), run.err());
            assertTrue(run.err().contains("add --insecure"), run.err());
            assertEquals(List.of(), service.forms());
        }
    }

    @Test
    void aServerWithoutATokenServiceExitsWith1() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            service.answer(404, "{\"errors\": [{\"code\": \"NAME_UNKNOWN\", \"message\": \"no such resource\"}]}");

            Run run = login(service.server(), "-u", "admin", "-p", "pw", "--insecure");

            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("is this a Berth registry"), run.err());
        }
    }

    @Test
    void anAnswerWithoutARefreshTokenExitsWith1() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            service.answer(200, "{\"token\": \"an access token\"}");

            assertEquals(
                    1,
                    login(service.server(), "-u", "admin", "-p", "pw", "--insecure")
                            .exitCode());
        }
    }

    @Test
    void exposeTokenPrintsTheTokenAsAzAcrLoginDoesAndWritesNothing() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            Run run = login(service.server(), "-u", "admin", "-p", "pw", "--insecure", "--expose-token");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(
                    "{\n  \"accessToken\": \"refresh-1\",\n  \"loginServer\": \"" + service.server() + "\"\n}\n",
                    run.out());
            assertTrue(run.err().contains(NULL_GUID), run.err());
            assertFalse(Files.exists(home.resolve(".docker")));
        }
    }

    @Test
    void aConfigFileThatIsNotJsonExitsWith1BeforeTheServerIsAsked() throws Exception {
        try (FakeTokenService service = FakeTokenService.plain()) {
            Path config = Files.writeString(home.resolve("config.json"), "not json");

            Run run = login(service.server(), "-u", "admin", "-p", "pw", "--insecure", "--config-file", "" + config);

            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("cannot use " + config), run.err());
            assertEquals(List.of(), service.forms());
            assertEquals("not json", Files.readString(config));
        }
    }

    @Test
    void insecureSpeaksTlsToASelfSignedServerWithoutFallingBack() throws Exception {
        try (FakeTokenService service = FakeTokenService.tls(selfSigned)) {
            Run run = login(service.server(), "-u", "admin", "-p", "pw", "--insecure");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, service.forms().size());
            assertEquals(NULL_GUID + ":refresh-1", auth(defaultConfig(), service.server()));
        }
    }

    @Test
    void aCaFileVerifiesAServerTheSystemDoesNotTrust() throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance(selfSigned.toFile(), "changeit".toCharArray());
        java.security.cert.Certificate certificate =
                keys.getCertificate(keys.aliases().nextElement());
        Path pem = home.resolve("ca.pem");
        Files.writeString(
                pem,
                "-----BEGIN CERTIFICATE-----\n"
                        + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        try (FakeTokenService service = FakeTokenService.tls(selfSigned)) {
            String byName = service.server().replace("127.0.0.1", "localhost");
            Run run = login(byName, "-u", "admin", "-p", "pw", "--ca-file", pem.toString());

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(NULL_GUID + ":refresh-1", auth(defaultConfig(), byName));
            Run wrongName = login(service.server(), "-u", "admin", "-p", "pw", "--ca-file", pem.toString());
            assertEquals(1, wrongName.exitCode(), "the certificate names localhost, not 127.0.0.1");
        }
    }

    @Test
    void anUnreadableCaFileIsReportedAndNothingIsSent() throws Exception {
        try (FakeTokenService service = FakeTokenService.tls(selfSigned)) {
            Run run = login(
                    service.server(),
                    "-u",
                    "admin",
                    "-p",
                    "pw",
                    "--ca-file",
                    home.resolve("none.pem").toString());

            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("as a certificate authority"), run.err());
            assertEquals(List.of(), service.forms());
        }
    }

    @Test
    void withoutInsecureASelfSignedCertificateIsRefused() throws Exception {
        try (FakeTokenService service = FakeTokenService.tls(selfSigned)) {
            Run run = login(service.server(), "-u", "admin", "-p", "pw");

            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("TLS handshake failed"), run.err());
            assertTrue(run.err().contains("add --insecure"), run.err());
            assertEquals(List.of(), service.forms());
        }
    }

    private static List<String> passwords(FakeTokenService service) {
        List<String> passwords = new ArrayList<>();
        service.forms().forEach(form -> passwords.add(form.get("password")));
        return passwords;
    }

    private static String auth(Path config, String server) throws IOException {
        JsonNode entry =
                new ObjectMapper().readTree(config.toFile()).path("auths").path(server);
        return new String(Base64.getDecoder().decode(entry.path("auth").asText()), StandardCharsets.UTF_8);
    }
}
