package dev.berth.builder.runtime.runc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.runtime.NetworkMode;
import dev.berth.builder.runtime.ProcessUser;
import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.builder.runtime.RunSpec;
import dev.berth.builder.runtime.runc.RuncOptions.HostIdentity;
import dev.berth.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    void aWritableRootAndIsolatedNamespacesWithAnUnprivilegedIdRangeAsRoot() {
        JsonNode config = config(RunSpec.of(ROOTFS, List.of("true")), false);
        assertEquals(ROOTFS.toString(), config.path("root").path("path").asText());
        assertFalse(config.path("root").path("readonly").asBoolean(true));
        assertEquals(List.of("pid", "ipc", "uts", "mount", "network", "user"), namespaces(config));
        assertEquals(List.of("/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys"), destinations(config));
        assertEquals("sysfs", config.path("mounts").get(5).path("type").asText());
        assertEquals(OciDefaults.MASKED_PATHS, texts(config.path("linux").path("maskedPaths")));
        assertEquals(OciDefaults.READONLY_PATHS, texts(config.path("linux").path("readonlyPaths")));
        assertEquals(
                "[{\"containerID\":0,\"hostID\":100000,\"size\":65536}]",
                config.path("linux").path("uidMappings").toString());
        assertEquals(
                config.path("linux").path("uidMappings"), config.path("linux").path("gidMappings"));
    }

    @Test
    void appliesTheSeccompFilterWithClone3AnsweringEnosys() {
        JsonNode seccomp =
                config(RunSpec.of(ROOTFS, List.of("true")), false).path("linux").path("seccomp");
        assertEquals("SCMP_ACT_ALLOW", seccomp.path("defaultAction").asText());
        List<String> denied = new ArrayList<>();
        seccomp.path("syscalls").forEach(rule -> {
            if (rule.path("args").isMissingNode()) {
                rule.path("names")
                        .forEach(name -> denied.add(
                                name.asText() + "=" + rule.path("errnoRet").asInt()));
            }
        });
        assertTrue(denied.containsAll(List.of("mount=1", "keyctl=1", "bpf=1", "ptrace=1", "setns=1", "clone3=38")));
        assertFalse(denied.contains("unshare=1"), "unshare is denied only with namespace flags");
    }

    @Test
    void limitsBecomeRlimitsLoweredToThisProcesssOwn() {
        RunSpec spec = RunSpec.of(ROOTFS, List.of("true"))
                .withLimits(ResourceLimits.none()
                        .withDiskBytes(1 << 20)
                        .withCpuTime(Duration.ofMillis(1500))
                        .withProcesses(64));
        JsonNode rlimits = config(spec, false).path("process").path("rlimits");
        assertEquals(
                "[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1024,\"soft\":1024},"
                        + "{\"type\":\"RLIMIT_FSIZE\",\"hard\":1048576,\"soft\":1048576},"
                        + "{\"type\":\"RLIMIT_CPU\",\"hard\":3,\"soft\":2},"
                        + "{\"type\":\"RLIMIT_NPROC\",\"hard\":64,\"soft\":64}]",
                rlimits.toString());
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
        UserMapping users = rootless
                ? new UserMapping.Rootless(new HostIdentity(65534, 65534))
                : new UserMapping.Shifted(new HostIdRange(100_000, 65_536));
        Isolation isolation = Isolation.plain(users, spec.rootfs(), spec.mounts(), HostRlimits.withNofile(1024));
        return Json.parse(Json.write(new OciConfig(spec, APP, isolation).toMap()));
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
