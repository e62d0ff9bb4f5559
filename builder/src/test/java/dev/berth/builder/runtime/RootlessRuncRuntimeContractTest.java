package dev.berth.builder.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.builder.runtime.runc.RuncOptions;
import dev.berth.builder.runtime.runc.RuncOptions.HostIdentity;
import dev.berth.builder.runtime.runc.RuncRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The contract, met by rootless runc: runc runs as {@code nobody} (65534) through {@code setpriv}, over a rootfs that
 * user owns, in a user namespace mapping it to root. Needs root to switch users, and a kernel that allows
 * unprivileged user namespaces; skipped otherwise.
 */
class RootlessRuncRuntimeContractTest extends BuildRuntimeSandboxContract {

    static final HostIdentity NOBODY = new HostIdentity(65534, 65534);
    static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    @Override
    protected BuildRuntime createRuntime(Path temp) throws IOException {
        assumeTrue(Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0), "needs root to become nobody");
        RuncRuntime runtime =
                new RuncRuntime(RuncOptions.defaults(temp.resolve("runc")).runningAs(AS_NOBODY, NOBODY));
        runtime.check();
        return runtime;
    }

    @Override
    protected void handOver(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                Files.setAttribute(path, "unix:uid", NOBODY.uid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", NOBODY.gid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    @Override
    protected int hostUidOfContainerRoot() {
        return NOBODY.uid();
    }

    @Test
    @Override
    @Disabled("rootless runc maps one uid (the caller's) to root; other users need /etc/subuid ranges, not supported")
    void runsAsAUserGivenByNameWithItsGroups() {}

    @Test
    @Override
    @Disabled("rootless runc maps one uid (the caller's) to root; other users need /etc/subuid ranges, not supported")
    void runsAsAUserAndGroupGivenByNumberWithoutSupplementaryGroups() {}

    @Test
    @Override
    @Disabled("rootless runc maps one uid (the caller's) to root; other users need /etc/subuid ranges, not supported")
    void runsAsANamedUserWithANamedGroup() {}

    @Test
    @Override
    @Disabled("rootless runc maps one uid (the caller's) to root; other users need /etc/subuid ranges, not supported")
    void filesWrittenAsAnotherUserAreOwnedByIt() {}

    @Test
    @Override
    @Disabled("rootless runc maps one uid (the caller's) to root; other users need /etc/subuid ranges, not supported")
    void aUserOtherThanRootWritesWhereItMayAndTheDiskRecordsItsId() {}
}
