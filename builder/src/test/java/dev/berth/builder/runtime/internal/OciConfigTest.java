package dev.berth.builder.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.ProcessUser;
import dev.berth.builder.runtime.RunSpec;
import dev.berth.builder.runtime.RuncOptions;
import dev.berth.builder.runtime.RuncOptions.HostIdentity;
import dev.berth.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciConfigTest {

    static final Path ROOTFS = Path.of("/var/lib/berth/rootfs");
    static final ProcessUser APP = new ProcessUser(1000, 1000, List.of(50), "/home/app");

    @TempDir
    Path temp;

    @Test
    void usesTheSpecVersionRuncWrites() throws Exception {
        Process spec = new ProcessBuilder(RuncOptions.defaults(temp).runc().toString(), "spec")
                .directory(temp.toFile())
                .start();
        assertTrue(spec.waitFor(10, TimeUnit.SECONDS));
        JsonNode written = Json.parse(Files.readAllBytes(temp.resolve("config.json")));
        assertEquals(
                written.path("ociVersion").asText(),
                config(RunSpec.of(ROOTFS, List.of("true")), false)
                        .path("ociVersion")
                        .asText());
    }

    @Test
    void describesTheProcessWithoutATerminalAndWithDockersCapabilities() {
        JsonNode process = config(
                        RunSpec.of(ROOTFS, List.of("make", "all"))
                                .withEnv(List.of("A=1"))
                                .withWorkingDir("/src"),
                        false)
                .path("process");
        assertFalse(process.path("terminal").asBoolean(true));
        assertEquals("[\"make\",\"all\"]", process.path("args").toString());
        assertEquals(List.of("A=1", OciDefaults.DEFAULT_PATH, "HOME=/home/app"), texts(process.path("env")));
        assertEquals("/src", process.path("cwd").asText());
        assertEquals(
                "{\"uid\":1000,\"gid\":1000,\"additionalGids\":[50]}",
                process.path("user").toString());
        assertEquals(
                OciDefaults.CAPABILITIES, texts(process.path("capabilities").path("bounding")));
        assertTrue(process.path("noNewPrivileges").asBoolean());
        assertEquals(1024, process.path("rlimits").get(0).path("hard").asLong());
    }

    @Test
    void aWritableRootAndIsolatedNamespacesAsRoot() {
        JsonNode config = config(RunSpec.of(ROOTFS, List.of("true")), false);
        assertEquals(ROOTFS.toString(), config.path("root").path("path").asText());
        assertFalse(config.path("root").path("readonly").asBoolean(true));
        assertEquals(List.of("pid", "ipc", "uts", "mount", "network"), namespaces(config));
        assertEquals(
                List.of("/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup"),
                destinations(config));
        assertEquals(OciDefaults.MASKED_PATHS, texts(config.path("linux").path("maskedPaths")));
        assertEquals(OciDefaults.READONLY_PATHS, texts(config.path("linux").path("readonlyPaths")));
        assertTrue(config.path("linux").path("uidMappings").isMissingNode());
    }

    @Test
    void theHostNetworkSharesTheNamespaceAndBindsTheResolverFilesReadOnly() {
        JsonNode config = config(RunSpec.of(ROOTFS, List.of("true")).withNetwork(NetworkMode.HOST), false);
        assertFalse(namespaces(config).contains("network"));
        JsonNode mounts = config.path("mounts");
        JsonNode resolv = mounts.get(mounts.size() - 2);
        assertEquals("/etc/resolv.conf", resolv.path("destination").asText());
        assertTrue(texts(resolv.path("options")).contains("ro"));
        assertEquals(
                "/etc/hosts", mounts.get(mounts.size() - 1).path("destination").asText());
    }

    @Test
    void rootlessMapsTheCallerToRootWithoutCgroupsAndBindsSysfs() {
        JsonNode config = config(RunSpec.of(ROOTFS, List.of("true")), true);
        assertTrue(namespaces(config).contains("user"));
        assertEquals(
                "[{\"containerID\":0,\"hostID\":65534,\"size\":1}]",
                config.path("linux").path("uidMappings").toString());
        assertFalse(destinations(config).contains("/sys/fs/cgroup"));
        JsonNode sys = config.path("mounts").get(5);
        assertEquals("/sys", sys.path("source").asText());
        assertTrue(texts(sys.path("options")).contains("rbind"));
        assertFalse(texts(config.path("mounts").get(2).path("options")).contains("gid=5"));
        assertTrue(config.path("linux").path("resources").isMissingNode());
    }

    private static JsonNode config(RunSpec spec, boolean rootless) {
        Optional<HostIdentity> as = rootless ? Optional.of(new HostIdentity(65534, 65534)) : Optional.empty();
        return Json.parse(Json.write(new OciConfig(spec, APP, as, 1024).toMap()));
    }

    private static List<String> namespaces(JsonNode config) {
        List<String> types = new ArrayList<>();
        config.path("linux")
                .path("namespaces")
                .forEach(ns -> types.add(ns.path("type").asText()));
        return types;
    }

    private static List<String> destinations(JsonNode config) {
        List<String> targets = new ArrayList<>();
        config.path("mounts").forEach(m -> targets.add(m.path("destination").asText()));
        return targets;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
