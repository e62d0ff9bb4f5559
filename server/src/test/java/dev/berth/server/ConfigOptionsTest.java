package dev.berth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.server.config.BerthConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command-line flags, parsed only: each sets its configuration key. */
class ConfigOptionsTest {
    private static BerthConfig parse(String... args) {
        ConfigOptions options = new ConfigOptions();
        new CommandLine(options).parseArgs(args);
        return options.load();
    }

    @Test
    void tlsServesHttpsBesidePlainHttpWithADevelopmentCertificate() {
        BerthConfig config = parse("--tls", "--data-dir", "/srv/berth");

        assertTrue(config.server().httpEnabled());
        assertTrue(config.server().tls().enabled());
        assertEquals(
                new BerthConfig.DevelopmentCertificate(Path.of("/srv/berth/keys/tls"), List.of()),
                config.server().tls().certificate());
    }

    @Test
    void noHttpTlsPortAndTlsNamesSetTheirKeys() {
        BerthConfig config = parse(
                "--tls", "--no-http", "--tls-port", "6443", "--tls-name", "a.test,127.0.0.1", "--tls-name", "b.test");

        assertFalse(config.server().httpEnabled());
        assertEquals(6443, config.server().tls().port());
        assertEquals(
                List.of("a.test", "127.0.0.1", "b.test"),
                ((BerthConfig.DevelopmentCertificate) config.server().tls().certificate()).names());
    }

    @Test
    void aCertificateAndKeyTurnHttpsOnWithThem() {
        BerthConfig config = parse("--tls-cert", "/etc/berth/cert.pem", "--tls-key", "/etc/berth/key.pem");

        assertTrue(config.server().tls().enabled());
        assertEquals(
                new BerthConfig.CertificateFiles(Path.of("/etc/berth/cert.pem"), Path.of("/etc/berth/key.pem")),
                config.server().tls().certificate());
    }
}
