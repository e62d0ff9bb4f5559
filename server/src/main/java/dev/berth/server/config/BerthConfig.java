package dev.berth.server.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Berth's whole configuration, one record per section; the defaults and their meaning are in {@code
 * berth-defaults.yml}.
 */
public record BerthConfig(Server server, Storage storage, Uploads uploads, Registry registry, Auth auth, Log log) {
    public record Server(String host, int port, Duration idleTimeout, int maxHeaderBytes, Duration shutdownGrace) {}

    public record Storage(Path dataDir) {}

    public record Uploads(Duration expiry, Duration sweepInterval) {}

    public record Registry(String defaultName) {}

    public record Auth(boolean enabled, Duration accessTokenTtl, Duration refreshTokenTtl, String adminPassword) {
        /** Whether the administrator's first password is to be generated rather than taken from the configuration. */
        public boolean generateAdminPassword() {
            return "generate".equals(adminPassword);
        }

        @Override
        public String toString() {
            return "Auth[enabled=" + enabled + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                    + refreshTokenTtl + ", adminPassword=" + (generateAdminPassword() ? "generate" : "(set)") + "]";
        }
    }

    public record Log(String level) {}
}
