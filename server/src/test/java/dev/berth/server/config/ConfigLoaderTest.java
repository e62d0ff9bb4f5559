package dev.berth.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.core.auth.Cidr;
import dev.berth.core.egress.AddressRange;
import dev.berth.core.egress.EgressSettings;
import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsServeOnPort5000FromBerthData() {
        BerthConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        assertEquals(5000, config.server().port());
        assertEquals(Path.of("./berth-data"), config.storage().dataDir());
        assertEquals(Duration.ofHours(24), config.uploads().expiry());
        assertEquals("default", config.registry().defaultName());
    }

    @Test
    void aFileThenTheEnvironmentThenTheCommandLineOverride() throws IOException {
        Path file = Files.writeString(
                dir.resolve("berth.yml"), "server:\n  port: 6000\n  host: 127.0.0.1\nuploads:\n  expiry: 2h\n");
        BerthConfig fromFile = ConfigLoader.load(file, Map.of(), Map.of());
        assertEquals(6000, fromFile.server().port());
        assertEquals(Duration.ofHours(2), fromFile.uploads().expiry());
        BerthConfig fromEnv = ConfigLoader.load(
                file, Map.of("BERTH_SERVER_PORT", "7000", "BERTH_STORAGE_DATA_DIR", "/srv/berth"), Map.of());
        assertEquals(7000, fromEnv.server().port());
        assertEquals(Path.of("/srv/berth"), fromEnv.storage().dataDir());
        BerthConfig fromArgs =
                ConfigLoader.load(file, Map.of("BERTH_SERVER_PORT", "7000"), Map.of("server.port", "8000"));
        assertEquals(8000, fromArgs.server().port());
        assertEquals("127.0.0.1", fromArgs.server().host());
    }

    @Test
    void importsNeedHttpsUnlessARegistryIsListedAsInsecure() {
        BerthConfig defaults = ConfigLoader.load(null, Map.of(), Map.of());
        assertEquals(List.of(), defaults.imports().insecureRegistries());
        assertEquals(Duration.ofSeconds(30), defaults.imports().timeout());
        BerthConfig listed = ConfigLoader.load(
                null, Map.of("BERTH_IMPORTS_INSECURE_REGISTRIES", "127.0.0.1, mirror.lan:5000"), Map.of());
        assertEquals(List.of("127.0.0.1", "mirror.lan:5000"), listed.imports().insecureRegistries());
    }

    @Test
    void egressAllowsRangesAndHostsFromTheFileOrAVariableAndNamesABadEntry() throws IOException {
        EgressSettings defaults = ConfigLoader.load(null, Map.of(), Map.of()).egress();
        assertEquals(List.of(), defaults.allowedRanges());
        assertEquals(List.of(), defaults.allowedHosts());
        assertFalse(defaults.refusePrivate());
        Path file = Files.writeString(
                dir.resolve("e.yml"),
                "egress:\n  allow: [127.0.0.0/8, \"::1\", registry.internal]\n  refusePrivate: true\n");
        EgressSettings set = ConfigLoader.load(file, Map.of(), Map.of()).egress();
        assertEquals(List.of(AddressRange.parse("127.0.0.0/8"), AddressRange.parse("::1")), set.allowedRanges());
        assertEquals(List.of("registry.internal"), set.allowedHosts());
        assertTrue(set.refusePrivate());
        assertEquals(
                List.of(AddressRange.parse("10.1.0.0/16")),
                ConfigLoader.load(null, Map.of("BERTH_EGRESS_ALLOW", "10.1.0.0/16"), Map.of())
                        .egress()
                        .allowedRanges());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("BERTH_EGRESS_ALLOW", "127.0.0.0/8,10.0.0.0/40"), Map.of()));
        assertTrue(e.getMessage().startsWith("egress.allow: "), e.getMessage());
        assertTrue(e.getMessage().contains("10.0.0.0"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("BERTH_EGRESS_ALLOW", "http://x/"), Map.of()));
        assertTrue(e.getMessage().contains("'http://x/'"), e.getMessage());
    }

    @Test
    void trustedProxiesAreAListOfRangesFromTheFileOrACommaSeparatedVariable() throws IOException {
        assertEquals(
                List.of(), ConfigLoader.load(null, Map.of(), Map.of()).auth().trustedProxies());
        Path file = Files.writeString(dir.resolve("p.yml"), "auth:\n  trustedProxies: [10.0.0.0/8, 192.0.2.1]\n");
        assertEquals(
                List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.0.2.1")),
                ConfigLoader.load(file, Map.of(), Map.of()).auth().trustedProxies());
        assertEquals(
                List.of(Cidr.parse("172.16.0.0/12")),
                ConfigLoader.load(null, Map.of("BERTH_AUTH_TRUSTED_PROXIES", "172.16.0.0/12"), Map.of())
                        .auth()
                        .trustedProxies());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("BERTH_AUTH_TRUSTED_PROXIES", "proxy.local"), Map.of()));
        assertTrue(e.getMessage().startsWith("auth.trustedProxies: "), e.getMessage());
    }

    @Test
    void webhookRetriesAndHistoryRetentionHaveDefaultsAndVariables() {
        BerthConfig defaults = ConfigLoader.load(null, Map.of(), Map.of());
        assertEquals(Duration.ofSeconds(1), defaults.webhooks().initialBackoff());
        assertEquals(Duration.ofMinutes(10), defaults.webhooks().maxBackoff());
        assertEquals(Duration.ofDays(7), defaults.webhooks().historyRetention());
        assertEquals(Duration.ofDays(30), defaults.events().retention());
        BerthConfig fast = ConfigLoader.load(
                null,
                Map.of(
                        "BERTH_WEBHOOKS_INITIAL_BACKOFF", "100ms",
                        "BERTH_WEBHOOKS_MAX_BACKOFF", "2s",
                        "BERTH_EVENTS_RETENTION", "2d"),
                Map.of());
        assertEquals(Duration.ofMillis(100), fast.webhooks().initialBackoff());
        assertEquals(Duration.ofSeconds(2), fast.webhooks().maxBackoff());
        assertEquals(Duration.ofDays(2), fast.events().retention());
        assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("BERTH_WEBHOOKS_INITIAL_BACKOFF", "20m"), Map.of()));
    }

    @Test
    void slowClientLimitsHaveDefaultsThatLetSlowUploadsThroughAndAreValidated() throws IOException {
        BerthConfig.SlowClients defaults =
                ConfigLoader.load(null, Map.of(), Map.of()).server().slowClients();
        assertEquals(new BerthConfig.SlowClients(Duration.ofSeconds(20), 4096, Duration.ofSeconds(20)), defaults);
        BerthConfig.SlowClients strict = ConfigLoader.load(
                        null,
                        Map.of(
                                "BERTH_SERVER_SLOW_CLIENTS_HEADER_TIMEOUT", "5s",
                                "BERTH_SERVER_SLOW_CLIENTS_MIN_BODY_RATE", "64KiB",
                                "BERTH_SERVER_SLOW_CLIENTS_BODY_GRACE", "0s"),
                        Map.of())
                .server()
                .slowClients();
        assertEquals(new BerthConfig.SlowClients(Duration.ofSeconds(5), 65536, Duration.ZERO), strict);
        assertMessage(
                "server.slowClients.headerTimeout must be longer than 0",
                Map.of("BERTH_SERVER_SLOW_CLIENTS_HEADER_TIMEOUT", "0s"),
                "");
        assertMessage(
                "server.slowClients.minBodyRate must be a size",
                Map.of("BERTH_SERVER_SLOW_CLIENTS_MIN_BODY_RATE", "-1"),
                "");
        assertMessage(
                "server.slowClients.bodyGrace must be a duration",
                Map.of("BERTH_SERVER_SLOW_CLIENTS_BODY_GRACE", "later"),
                "");
    }

    @Test
    void theAdminPasswordNeverShowsInThePrintedConfiguration() {
        BerthConfig config = ConfigLoader.load(null, Map.of("BERTH_ADMIN_PASSWORD", "hunter2"), Map.of());
        assertEquals("hunter2", config.auth().adminPassword());
        assertTrue(!config.toString().contains("hunter2"), config.toString());
    }

    @Test
    void environmentNamesFollowTheKeyPath() {
        assertEquals("BERTH_STORAGE_DATA_DIR", ConfigLoader.envName("storage.dataDir"));
        assertEquals("BERTH_SERVER_MAX_HEADER_BYTES", ConfigLoader.envName("server.maxHeaderBytes"));
    }

    @Test
    void mistakesAreRefusedWithTheKeyNamed() throws IOException {
        assertMessage("unknown configuration key: server.prot", Map.of(), "server:\n  prot: 1\n");
        assertMessage("server.port must be between 0 and 65535, not 70000", Map.of("BERTH_SERVER_PORT", "70000"), "");
        assertMessage("server.port must be a whole number, not x", Map.of("BERTH_SERVER_PORT", "x"), "");
        assertMessage("uploads.expiry must be a duration", Map.of("BERTH_UPLOADS_EXPIRY", "soon"), "");
        assertMessage("log.level must be one of", Map.of("BERTH_LOG_LEVEL", "loud"), "");
        assertMessage("must be a YAML mapping", Map.of(), "- a\n- b\n");
    }

    @Test
    void httpsIsOffByDefaultAndWouldUseADevelopmentCertificateUnderTheDataDirectory() {
        BerthConfig.Server server = ConfigLoader.load(null, Map.of(), Map.of()).server();

        assertTrue(server.httpEnabled());
        assertEquals(
                new BerthConfig.Tls(
                        false,
                        5443,
                        new BerthConfig.DevelopmentCertificate(Path.of("./berth-data/keys/tls"), List.of())),
                server.tls());
    }

    @Test
    void httpsSettingsComeFromTheFileTheEnvironmentAndTheCommandLine() throws IOException {
        Path file = Files.writeString(
                dir.resolve("berth.yml"),
                "server:\n  http:\n    enabled: false\n  tls:\n    enabled: true\n    names: [registry.test, 10.0.0.1]\n");
        BerthConfig.Tls fromFile =
                ConfigLoader.load(file, Map.of(), Map.of()).server().tls();
        assertTrue(fromFile.enabled());
        assertEquals(
                List.of("registry.test", "10.0.0.1"),
                ((BerthConfig.DevelopmentCertificate) fromFile.certificate()).names());

        BerthConfig.Tls fromEnv = ConfigLoader.load(
                        file,
                        Map.of("BERTH_SERVER_TLS_NAMES", "a.test, b.test", "BERTH_SERVER_TLS_PORT", "8443"),
                        Map.of())
                .server()
                .tls();
        assertEquals(8443, fromEnv.port());
        assertEquals(List.of("a.test", "b.test"), ((BerthConfig.DevelopmentCertificate) fromEnv.certificate()).names());

        BerthConfig.Tls fromArgs = ConfigLoader.load(
                        file,
                        Map.of(),
                        Map.of(
                                "server.tls.certFile",
                                "/etc/berth/cert.pem",
                                "server.tls.keyFile",
                                "/etc/berth/key.pem"))
                .server()
                .tls();
        assertEquals(
                new BerthConfig.CertificateFiles(Path.of("/etc/berth/cert.pem"), Path.of("/etc/berth/key.pem")),
                fromArgs.certificate());
    }

    @Test
    void httpsMistakesAreRefusedWithTheKeyNamed() throws IOException {
        assertMessage(
                "server.tls.certFile and server.tls.keyFile go together",
                Map.of("BERTH_SERVER_TLS_CERT_FILE", "/etc/berth/cert.pem"),
                "");
        assertMessage(
                "server.http.enabled and server.tls.enabled are both false",
                Map.of("BERTH_SERVER_HTTP_ENABLED", "false"),
                "");
        assertMessage(
                "server.port and server.tls.port are both 5000",
                Map.of("BERTH_SERVER_TLS_ENABLED", "true", "BERTH_SERVER_TLS_PORT", "5000"),
                "");
        assertMessage(
                "server.tls.names: not a host name or IP address: under_score",
                Map.of(),
                "server:\n  tls:\n    names: [under_score]\n");
        assertMessage("server.tls.port must be between 0 and 65535", Map.of("BERTH_SERVER_TLS_PORT", "-1"), "");
    }

    @Test
    void sandboxLimitsHaveTierDefaultsOverridesAndAreValidated() throws IOException {
        BerthConfig defaults = ConfigLoader.load(null, Map.of(), Map.of());
        ResourceLimits basic = defaults.sandbox().limits().of(Tier.BASIC);
        assertEquals(512, basic.processes());
        assertEquals(2L << 30, basic.memoryBytes());
        assertEquals(Duration.ofMinutes(30), basic.cpuTime());
        assertEquals(10L << 30, basic.diskBytes());
        assertEquals(100_000, defaults.sandbox().hostIdFirst());
        BerthConfig small = ConfigLoader.load(
                null,
                Map.of(
                        "BERTH_SANDBOX_LIMITS_PREMIUM_MEMORY", "512MiB",
                        "BERTH_SANDBOX_LIMITS_PREMIUM_CPU_TIME", "10m"),
                Map.of());
        assertEquals(512L << 20, small.sandbox().limits().of(Tier.PREMIUM).memoryBytes());
        assertEquals(
                Duration.ofMinutes(10),
                small.sandbox().limits().of(Tier.PREMIUM).cpuTime());
        assertMessage(
                "sandbox.limits.basic.processes must be between 8",
                Map.of("BERTH_SANDBOX_LIMITS_BASIC_PROCESSES", "0"),
                "");
        assertMessage(
                "sandbox.limits.standard.disk must be a size",
                Map.of("BERTH_SANDBOX_LIMITS_STANDARD_DISK", "lots"),
                "");
        assertMessage(
                "sandbox.limits.basic.memory must be at least 4MiB, not 1KiB",
                Map.of("BERTH_SANDBOX_LIMITS_BASIC_MEMORY", "1KiB"),
                "");
    }

    private void assertMessage(String expected, Map<String, String> env, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env, Map.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
